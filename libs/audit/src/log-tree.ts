import { AUDIT_ANCHOR_STREAM } from '#domain';
import { eventLeaf, MerkleLog } from './merkle-log';

/** What the tree reads of an event: where it sits and its recorded chain hash. */
export interface TreeEvent {
  stream: string;
  position: number;
  metadata: Record<string, unknown>;
}

/**
 * The log's transparency tree over the global order: leaf n is the chain hash of the n-th event
 * (an ordinal, since KurrentDB positions are not contiguous). Anchor events are not leaves: a
 * checkpoint cannot be inside the tree it signs, and the anchors are guarded by their own chain
 * and by the copies kept outside (see README, "Anchors").
 */
export class LogTree {
  private readonly tree = new MerkleLog();
  private positions = new Float64Array(1024);

  get size(): number {
    return this.tree.size;
  }

  /** `hash` overrides the recorded one: a verifier passes the hash it recomputed from the stored form. */
  apply(event: TreeEvent, hash = String(event.metadata.hash ?? '')): void {
    if (event.stream === AUDIT_ANCHOR_STREAM) return;
    if (this.size === this.positions.length) {
      const grown = new Float64Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[this.size] = event.position;
    this.tree.append(eventLeaf(hash));
  }

  root(size = this.size): string {
    return this.tree.root(size).toString('hex');
  }

  positionOf(leaf: number): number | undefined {
    return leaf >= 0 && leaf < this.size ? this.positions[leaf] : undefined;
  }

  /** How many leaves lie at or before `position`. */
  sizeAt(position: number): number {
    let [low, high] = [0, this.size];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.positions[mid]! <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The leaf of the event at `position`, if it is one. */
  leafAt(position: number): number | undefined {
    const leaf = this.sizeAt(position) - 1;
    return this.positions[leaf] === position && leaf >= 0 ? leaf : undefined;
  }

  inclusion(leaf: number, size = this.size): string[] {
    return this.tree.inclusion(leaf, size).map((hash) => hash.toString('hex'));
  }

  consistency(first: number, second = this.size): string[] {
    return this.tree.consistency(first, second).map((hash) => hash.toString('hex'));
  }
}
