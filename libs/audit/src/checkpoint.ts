import { canonicalJson } from './canonical-json';
import { signText, verifyText, type AuditPublicKey, type AuditSigningKey } from './signing-key';

export const CHECKPOINT_EVENT_TYPE = 'AuditCheckpointRecorded';

/** Names the tree a checkpoint signs; checkpoints without it signed the earlier root over stream heads. */
export const CHECKPOINT_TREE = 'rfc6962:global-order:v1';

/** A signed tree head (RFC 6962 3.5): the size and root of the log's tree at one position. */
export interface Checkpoint {
  tree: typeof CHECKPOINT_TREE;
  /** Leaves of the tree: events in the log up to `position`, the anchors' own events excluded. */
  logSize: number;
  /** The global position the checkpoint covers (inclusive). */
  position: number;
  /** RFC 6962 root over the first `logSize` leaves of the global order (see LogTree), hex. */
  merkleRoot: string;
  /** ISO-8601 time the checkpoint was taken. */
  time: string;
  keyId: string;
}

/** The data of an AuditCheckpointRecorded event: the checkpoint and its signature over canonical JSON. */
export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  algorithm: 'Ed25519';
  signature: string;
}

export function signCheckpoint(checkpoint: Checkpoint, key: AuditSigningKey): SignedCheckpoint {
  return { checkpoint, algorithm: 'Ed25519', signature: signText(key, canonicalJson(checkpoint)) };
}

/** Undefined when valid, otherwise why not. */
export function checkpointSignatureProblem(signed: SignedCheckpoint, key: AuditPublicKey): string | undefined {
  const checkpoint = signed?.checkpoint;
  if (!checkpoint || typeof signed.signature !== 'string') return 'the anchor holds no signed checkpoint';
  if (checkpoint.keyId !== key.keyId)
    return `signed by key ${String(checkpoint.keyId)}, but the verifying key is ${key.keyId}`;
  return verifyText(key.publicKey, canonicalJson(checkpoint), signed.signature)
    ? undefined
    : 'the signature does not match the checkpoint';
}

export function isSignedCheckpoint(data: unknown): data is SignedCheckpoint {
  const cp = (data as SignedCheckpoint | undefined)?.checkpoint;
  return typeof cp === 'object' && cp !== null && typeof cp.position === 'number' && typeof cp.merkleRoot === 'string';
}

/** A checkpoint of the earlier format (root over stream heads): only its signature can still be checked. */
export function isLegacyCheckpoint(checkpoint: { tree?: unknown }): boolean {
  return checkpoint.tree !== CHECKPOINT_TREE;
}
