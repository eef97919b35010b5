import {
  checkpointSignatureProblem,
  isLegacyCheckpoint,
  isSignedCheckpoint,
  type Checkpoint,
  type SignedCheckpoint,
} from './checkpoint';
import type { LogTree } from './log-tree';
import { verifyConsistency } from './merkle-proofs';
import type { AuditPublicKey } from './signing-key';

/** An anchor kept outside the log: a line of `ledger checkpoints --export` or of AUDIT_ANCHOR_DIR. */
export interface KeptAnchor {
  line: number;
  revision?: number;
  data: unknown;
}

export type AnchorProblem = 'format' | 'signature' | 'truncated' | 'changed';

/** A kept anchor the log no longer satisfies, and the first leaf (and its position) from which it fails. */
export interface BrokenAnchor {
  line: number;
  revision?: number;
  checkpoint?: Checkpoint;
  problem: AnchorProblem;
  message: string;
  fromLeaf?: number;
  fromPosition?: number;
  /** When the tail is gone: the position of the last event the log still holds. */
  afterPosition?: number;
}

export interface KeptAnchorsReport {
  checked: number;
  holding: number;
  /** Signed before the tree over the global order existed: signature checked, root not comparable. */
  legacy: number;
  broken: BrokenAnchor[];
}

/** One JSON object a line; a line that is not one is reported, never skipped. */
export function parseKeptAnchors(text: string): KeptAnchor[] {
  return text.split('\n').flatMap((raw, i): KeptAnchor[] => {
    if (raw.trim() === '') return [];
    try {
      const data = JSON.parse(raw) as { revision?: unknown };
      return [{ line: i + 1, revision: typeof data?.revision === 'number' ? data.revision : undefined, data }];
    } catch {
      return [{ line: i + 1, data: undefined }];
    }
  });
}

/**
 * Checks the log's tree against checkpoints kept elsewhere: each signature, that the log is at least
 * as long as the anchor says, that its tree at that size has the anchor's root, and that a
 * consistency proof (RFC 6962 2.1.2) links the anchor to the current tree.
 */
export function checkKeptAnchors(
  anchors: readonly KeptAnchor[],
  tree: LogTree,
  key: AuditPublicKey | undefined,
): KeptAnchorsReport {
  const report: KeptAnchorsReport = { checked: anchors.length, holding: 0, legacy: 0, broken: [] };
  const holdingSizes: number[] = [];
  const changed: BrokenAnchor[] = [];
  for (const anchor of anchors) {
    const broken = checkOne(anchor, tree, key);
    if (broken === 'legacy') report.legacy++;
    else if (broken === undefined) holdingSizes.push((anchor.data as SignedCheckpoint).checkpoint.logSize);
    else (broken.problem === 'changed' ? changed : report.broken).push(broken);
  }
  report.holding = holdingSizes.length;
  for (const broken of changed) report.broken.push(locate(broken, holdingSizes, tree));
  report.broken.sort((a, b) => a.line - b.line);
  return report;
}

function checkOne(
  anchor: KeptAnchor,
  tree: LogTree,
  key: AuditPublicKey | undefined,
): BrokenAnchor | 'legacy' | undefined {
  const base = { line: anchor.line, revision: anchor.revision };
  if (!isSignedCheckpoint(anchor.data))
    return { ...base, problem: 'format', message: 'the line holds no signed checkpoint' };
  const { checkpoint } = anchor.data;
  const problem = key ? checkpointSignatureProblem(anchor.data, key) : 'no public key to check the signature with';
  if (problem) return { ...base, checkpoint, problem: 'signature', message: problem };
  if (isLegacyCheckpoint(checkpoint)) return 'legacy';
  const { logSize: size } = checkpoint;
  if (size > tree.size) {
    const message = `the log holds ${tree.size} events, the anchor vouches for ${size}: the log lost its tail (events removed or rolled back)`;
    return {
      ...base,
      checkpoint,
      problem: 'truncated',
      message,
      fromLeaf: tree.size,
      afterPosition: tree.positionOf(tree.size - 1),
    };
  }
  const root = Buffer.from(checkpoint.merkleRoot, 'hex');
  const proof = tree.consistency(size).map((hash) => Buffer.from(hash, 'hex'));
  if (
    tree.root(size) === checkpoint.merkleRoot &&
    verifyConsistency(size, tree.size, proof, root, Buffer.from(tree.root(), 'hex'))
  )
    return undefined;
  return {
    ...base,
    checkpoint,
    problem: 'changed',
    message: `the log's tree of ${size} events no longer has the anchor's root: an event it covers was changed, removed, inserted or reordered`,
  };
}

/** The anchors that still hold bound where the change can start: after the largest one below this one. */
function locate(broken: BrokenAnchor, holdingSizes: readonly number[], tree: LogTree): BrokenAnchor {
  const size = broken.checkpoint!.logSize;
  const fromLeaf = Math.max(0, ...holdingSizes.filter((held) => held < size));
  return { ...broken, fromLeaf, fromPosition: tree.positionOf(fromLeaf) };
}
