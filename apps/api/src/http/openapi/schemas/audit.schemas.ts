import { flag, hash, integer, list, object, oneOfValues, ref, text, texts, time, type Schema } from './schema-helpers';

const head = object({ stream: text, revision: integer, hash });

/** Signed checkpoints (RFC 6962 tree heads), chain verification and consent receipts. */
export const AUDIT_SCHEMAS = {
  Checkpoint: object({ logSize: integer, position: integer, streams: integer, merkleRoot: hash, time, keyId: text }),
  SignedCheckpoint: object({ checkpoint: ref('Checkpoint'), algorithm: oneOfValues(['Ed25519']), signature: text }),
  CheckpointRecorded: object({ recorded: flag }, { checkpoint: ref('SignedCheckpoint') }),
  AnchorRecord: object({ revision: integer, eventId: text, position: integer, hash, prevHash: hash, checkpoint: ref('Checkpoint'), algorithm: oneOfValues(['Ed25519']), signature: text }),
  PublicKey: object({ keyId: text, algorithm: oneOfValues(['Ed25519']), publicKeyPem: text }),
  Verification: object(
    {
      subjectId: text,
      stream: text,
      ok: flag,
      events: integer,
      head,
      anchors: object({ covering: integer, signaturesValid: integer }, { firstMismatch: object({ message: text }) }),
    },
    {
      firstBreak: object({}, { revision: integer, message: text }),
      inclusion: object({ anchorRevision: integer, treeSize: integer, verified: flag }, { checkpoint: ref('Checkpoint'), head, leaf: text, leafIndex: integer, proof: texts }),
    },
  ),
  ConsentReceipt: object(
    { version: text, consentReceiptID: text, piiPrincipalId: text, issuedAt: time, keyId: text, signatureAlgorithm: oneOfValues(['Ed25519']), signature: text },
    { jurisdiction: text, consentTimestamp: integer, collectionMethod: text, language: text },
    'A Kantara consent receipt signed with Ed25519, with the proof of its event',
  ),
} satisfies Record<string, Schema>;
