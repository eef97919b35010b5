const HASH = 32;

/**
 * The completed perfect subtrees of an append-only Merkle tree: node (level, index) is the root of
 * leaves [index * 2^level, (index + 1) * 2^level). About 2n hashes for n leaves, one growable
 * buffer a level, so a proof reads O(log n) nodes instead of the whole log.
 */
export class TreeNodes {
  private readonly levels: Array<{ bytes: Buffer; count: number }> = [];

  get(level: number, index: number): Buffer {
    const row = this.levels[level];
    if (!row || index >= row.count) throw new RangeError(`no node ${level}/${index}: that subtree is not complete yet`);
    return row.bytes.subarray(index * HASH, (index + 1) * HASH);
  }

  count(level: number): number {
    return this.levels[level]?.count ?? 0;
  }

  push(level: number, hash: Buffer): void {
    const row = (this.levels[level] ??= { bytes: Buffer.alloc(HASH * 64), count: 0 });
    if ((row.count + 1) * HASH > row.bytes.length) {
      const grown = Buffer.alloc(row.bytes.length * 2);
      row.bytes.copy(grown);
      row.bytes = grown;
    }
    hash.copy(row.bytes, row.count * HASH);
    row.count++;
  }
}
