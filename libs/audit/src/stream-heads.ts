import { AUDIT_ANCHOR_STREAM } from '#domain';
import { canonicalJson } from './canonical-json';
import { leafHash, rootFromLeafHashes, inclusionProof } from './merkle-tree';

export interface StreamHead {
  stream: string;
  revision: number;
  hash: string;
}

/** The leaf of a stream head: canonical JSON of {stream, revision, hash}. */
export function headLeaf(head: StreamHead): string {
  return canonicalJson({ stream: head.stream, revision: head.revision, hash: head.hash });
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The last event of every stream (anchors excluded), maintained event by event in log order.
 * Leaf hashes are cached per stream so a checkpoint costs one sort and the inner nodes.
 */
export class StreamHeads {
  private readonly heads = new Map<string, { head: StreamHead; leaf: Buffer }>();
  /** Events applied (the anchors' own events excluded): the checkpoint's logSize. */
  logSize = 0;

  apply(event: { stream: string; revision: number; metadata: Record<string, unknown> }): void {
    // Checkpoints are chained like any stream, but sign the heads, so they are no leaf themselves.
    if (event.stream === AUDIT_ANCHOR_STREAM) return;
    const head = { stream: event.stream, revision: event.revision, hash: String(event.metadata.hash ?? '') };
    this.heads.set(event.stream, { head, leaf: leafHash(headLeaf(head)) });
    this.logSize++;
  }

  get size(): number {
    return this.heads.size;
  }

  get(stream: string): StreamHead | undefined {
    return this.heads.get(stream)?.head;
  }

  sortedNames(): string[] {
    return [...this.heads.keys()].sort(byName);
  }

  root(): string {
    return rootFromLeafHashes(this.sortedNames().map((name) => this.heads.get(name)!.leaf)).toString('hex');
  }

  /** The audit path of one stream's head in the tree of all heads (RFC 6962 2.1.1). */
  proofFor(stream: string): { leafIndex: number; treeSize: number; proof: string[] } | undefined {
    const names = this.sortedNames();
    const leafIndex = names.indexOf(stream);
    if (leafIndex < 0) return undefined;
    const proof = inclusionProof(names.map((name) => this.heads.get(name)!.leaf), leafIndex);
    return { leafIndex, treeSize: names.length, proof: proof.map((p) => p.toString('hex')) };
  }
}
