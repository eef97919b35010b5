import { AUDIT_ANCHOR_STREAM } from '#domain';
import { checkAnchor, type AnchorMismatch, type LogSnapshot } from './anchor-check';
import { ChainChecker, type ChainBreak, type StoredEvent } from './chain-checker';
import { CHECKPOINT_EVENT_TYPE } from './checkpoint';
import { eventHash } from './hash-chain';
import type { KeptAnchorsReport } from './kept-anchors';
import type { AuditPublicKey } from './signing-key';
import { LogTree } from './log-tree';

export interface VerificationReport {
  ok: boolean;
  streams: number;
  events: number;
  anchors: number;
  /** The first event whose chain link fails, in log order. */
  firstBreak?: ChainBreak;
  breaks: number;
  /** The first anchor whose signature or checkpoint no longer matches the log. */
  firstAnchorMismatch?: AnchorMismatch;
  anchorMismatches: number;
  /** With `verify --anchors`: how the log fares against the checkpoints kept outside it. */
  keptAnchors?: KeptAnchorsReport;
}

/**
 * The whole-log verification, fed events in log order. Anchor positions come from a first, cheap
 * pass over `audit-anchors`, so the tree's size can be captured exactly as of each checkpoint's
 * position while the single main pass goes by; the tree is kept for the outside anchors' check.
 */
export class LogVerifier {
  private readonly chains = new ChainChecker();
  readonly tree = new LogTree();
  private readonly snapshots = new Map<number, LogSnapshot>();
  private readonly pending: number[];
  private events = 0;
  private anchors = 0;
  private breaks: ChainBreak[] = [];
  private mismatches: AnchorMismatch[] = [];

  constructor(
    checkpointPositions: readonly number[],
    private readonly key: AuditPublicKey | undefined,
  ) {
    this.pending = [...new Set(checkpointPositions)].sort((a, b) => a - b);
  }

  feed(event: StoredEvent): void {
    this.snapshotBefore(event.position);
    this.events++;
    const breaks = this.chains.check(event);
    if (breaks.length > 0) this.breaks.push(breaks[0]!);
    if (event.stream === AUDIT_ANCHOR_STREAM) {
      this.anchor(event);
      return;
    }
    // The recomputed hash, so an edit of the stored form also moves the leaf an anchor vouches for.
    this.tree.apply(event, eventHash(event));
  }

  /** The walk had to stop: the event after `afterPosition` could not be read. */
  stopAt(afterPosition: number, detail: string): void {
    this.breaks.push(ChainChecker.unreadable(afterPosition, detail));
  }

  finish(): VerificationReport {
    this.snapshotBefore(Number.POSITIVE_INFINITY);
    return {
      ok: this.breaks.length === 0 && this.mismatches.length === 0,
      streams: this.chains.streams,
      events: this.events,
      anchors: this.anchors,
      firstBreak: this.breaks[0],
      breaks: this.breaks.length,
      firstAnchorMismatch: this.mismatches[0],
      anchorMismatches: this.mismatches.length,
    };
  }

  private anchor(event: StoredEvent): void {
    if (event.type !== CHECKPOINT_EVENT_TYPE) return;
    this.anchors++;
    const position = (event.data as { checkpoint?: { position?: unknown } }).checkpoint?.position;
    const snapshot = typeof position === 'number' ? this.snapshots.get(position) : undefined;
    const mismatch = checkAnchor(event, this.key, snapshot);
    if (mismatch) this.mismatches.push(mismatch);
  }

  private snapshotBefore(position: number): void {
    while (this.pending.length > 0 && this.pending[0]! < position) {
      const at = this.pending.shift()!;
      this.snapshots.set(at, { position: at, logSize: this.tree.size, merkleRoot: this.tree.root() });
    }
  }
}
