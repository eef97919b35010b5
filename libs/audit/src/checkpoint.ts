import { canonicalJson } from './canonical-json';
import { signText, verifyText, type AuditPublicKey, type AuditSigningKey } from './signing-key';

export const CHECKPOINT_EVENT_TYPE = 'AuditCheckpointRecorded';

/** A signed statement about the whole log at one position. */
export interface Checkpoint {
  /** Events in the log up to `position`, the anchors' own events excluded. */
  logSize: number;
  /** The global position the checkpoint covers (inclusive). */
  position: number;
  /** Number of streams (leaves of the tree). */
  streams: number;
  /** RFC 6962 root over the stream heads sorted by stream name, hex. */
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
  if (checkpoint.keyId !== key.keyId) return `signed by key ${String(checkpoint.keyId)}, but the verifying key is ${key.keyId}`;
  return verifyText(key.publicKey, canonicalJson(checkpoint), signed.signature) ? undefined : 'the signature does not match the checkpoint';
}

export function isSignedCheckpoint(data: unknown): data is SignedCheckpoint {
  const cp = (data as SignedCheckpoint | undefined)?.checkpoint;
  return typeof cp === 'object' && cp !== null && typeof cp.position === 'number' && typeof cp.merkleRoot === 'string';
}
