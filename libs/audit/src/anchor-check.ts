import { checkpointSignatureProblem, isLegacyCheckpoint, isSignedCheckpoint, type Checkpoint } from './checkpoint';
import type { AuditPublicKey } from './signing-key';
import type { StoredEvent } from './chain-checker';

/** What the log itself says at a checkpoint's position, recomputed by the verifier. */
export interface LogSnapshot {
  position: number;
  logSize: number;
  merkleRoot: string;
}

/** An anchor that no longer matches the log (or whose signature fails). */
export interface AnchorMismatch {
  anchorRevision: number;
  anchorEventId: string;
  anchorPosition: number;
  checkpoint?: Checkpoint;
  field: 'signature' | 'merkleRoot' | 'logSize' | 'format';
  expected: string;
  found: string;
  message: string;
}

/** Undefined when the anchor's signature is valid and its checkpoint equals the recomputed snapshot (legacy ones: the signature only). */
export function checkAnchor(
  event: StoredEvent,
  key: AuditPublicKey | undefined,
  snapshot: LogSnapshot | undefined,
): AnchorMismatch | undefined {
  const base = { anchorRevision: event.revision, anchorEventId: event.id, anchorPosition: event.position };
  const data = event.data;
  if (!isSignedCheckpoint(data))
    return {
      ...base,
      field: 'format',
      expected: 'a signed checkpoint',
      found: event.type,
      message: 'the anchor holds no checkpoint',
    };
  const checkpoint = data.checkpoint;
  const withCp = { ...base, checkpoint };
  if (!key)
    return {
      ...withCp,
      field: 'signature',
      expected: checkpoint.keyId,
      found: 'no public key',
      message: 'no public key to check the signature with',
    };
  const problem = checkpointSignatureProblem(data, key);
  if (problem) return { ...withCp, field: 'signature', expected: checkpoint.keyId, found: key.keyId, message: problem };
  // Signed before the tree over the global order existed: its root is of another tree.
  if (isLegacyCheckpoint(checkpoint)) return undefined;
  if (!snapshot)
    return {
      ...withCp,
      field: 'format',
      expected: `position ${checkpoint.position}`,
      found: 'none',
      message: 'the checkpoint position lies beyond the log',
    };
  for (const field of ['merkleRoot', 'logSize'] as const) {
    if (String(checkpoint[field]) !== String(snapshot[field])) {
      const message = `the anchor's ${field} no longer matches the log as of position ${checkpoint.position}`;
      return { ...withCp, field, expected: String(checkpoint[field]), found: String(snapshot[field]), message };
    }
  }
  return undefined;
}
