import { checkpointSignatureProblem, isLegacyCheckpoint, type SignedCheckpoint } from './checkpoint';
import { eventLeaf } from './merkle-log';
import { verifyInclusion } from './merkle-tree';
import type { AuditPublicKey } from './signing-key';

/**
 * Where an event sits in the log's tree as a checkpoint signed it: leaf index, the audit path
 * (RFC 6962 2.1.1) and the signed checkpoint itself, so anyone holding the public key can check
 * it offline.
 */
export interface TreeInclusion extends SignedCheckpoint {
  /** The checkpoint's revision in `audit-anchors`. */
  anchorRevision: number;
  leafIndex: number;
  treeSize: number;
  /** Sibling hashes from the leaf up, hex. */
  path: string[];
}

/** The proofs the running log can give (kept by the checkpoint service). */
export interface TreeProofs {
  /** The event at `position` in the tree of the latest checkpoint covering it; undefined while none does. */
  inclusionOf(position: number): Promise<TreeInclusion | undefined>;
}

/** Undefined when the checkpoint is signed by `key` and the path leads from the event's hash to its root. */
export function treeInclusionProblem(
  eventHash: string,
  inclusion: TreeInclusion,
  key: AuditPublicKey,
): string | undefined {
  const signature = checkpointSignatureProblem(inclusion, key);
  if (signature) return `the checkpoint: ${signature}`;
  const { checkpoint, leafIndex, treeSize, path } = inclusion;
  if (isLegacyCheckpoint(checkpoint) || treeSize !== checkpoint.logSize)
    return 'the checkpoint does not sign a tree of that size';
  if (!Array.isArray(path) || !path.every((hash) => typeof hash === 'string'))
    return 'the inclusion path is not a list of hashes';
  const root = Buffer.from(checkpoint.merkleRoot, 'hex');
  const ok = verifyInclusion(
    eventLeaf(eventHash),
    leafIndex,
    treeSize,
    path.map((hash) => Buffer.from(hash, 'hex')),
    root,
  );
  return ok ? undefined : `the event is not leaf ${leafIndex} of the tree the checkpoint signs`;
}
