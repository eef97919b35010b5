import { createHash } from 'node:crypto';
import { leafHash, nodeHash, splitPoint } from './merkle-hash';
import { consistencyPath, inclusionPath } from './merkle-proofs';
import { TreeNodes } from './tree-nodes';

const EMPTY_ROOT = createHash('sha256').digest();

/** Leaf n of the log's tree: the event's recorded chain hash (hex), as its 32 bytes. */
export function eventLeaf(eventHash: string): Buffer {
  return leafHash(Buffer.from(eventHash, 'hex'));
}

/**
 * The ledger's transparency log (RFC 6962): an append-only Merkle tree over the global order.
 * Appending costs O(log n) hashes (the completed subtrees are kept, so the right edge is a compact
 * range); the root of any earlier size and every proof read O(log^2 n) kept nodes at most.
 */
export class MerkleLog {
  private readonly nodes = new TreeNodes();
  private leaves = 0;

  get size(): number {
    return this.leaves;
  }

  /** Appends an already hashed leaf (see eventLeaf). */
  append(leaf: Buffer): void {
    this.nodes.push(0, leaf);
    this.leaves++;
    let hash = leaf;
    for (let level = 0, index = this.leaves - 1; index % 2 === 1; level++, index = (index - 1) / 2) {
      hash = nodeHash(this.nodes.get(level, index - 1), hash);
      this.nodes.push(level + 1, hash);
    }
  }

  leaf(index: number): Buffer {
    return this.nodes.get(0, index);
  }

  /** MTH of the first `size` leaves: the root a checkpoint of that size signs. */
  root(size = this.leaves): Buffer {
    this.within(size);
    return size === 0 ? EMPTY_ROOT : this.subtree(0, size);
  }

  inclusion(index: number, size = this.leaves): Buffer[] {
    this.within(size);
    return inclusionPath((s, e) => this.subtree(s, e), index, size);
  }

  consistency(first: number, second = this.leaves): Buffer[] {
    this.within(second);
    return consistencyPath((s, e) => this.subtree(s, e), first, second);
  }

  private within(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.leaves)
      throw new RangeError(`the log holds ${this.leaves} leaves, not ${size}`);
  }

  /** Ranges met by RFC 6962's recursion start on a multiple of their left part's size. */
  private subtree(start: number, end: number): Buffer {
    const n = end - start;
    if ((n & (n - 1)) === 0 && start % n === 0) return this.nodes.get(Math.log2(n), start / n);
    const k = splitPoint(n);
    return nodeHash(this.subtree(start, start + k), this.subtree(start + k, end));
  }
}
