import { flag, hash, integer, list, object, oneOfValues, ref, text, time, type Schema } from './schema-helpers';

const head = object({ stream: text, revision: integer, hash });

/** Signed checkpoints (RFC 6962 tree heads), chain verification and consent receipts. */
export const AUDIT_SCHEMAS = {
  Checkpoint: object(
    { logSize: integer, position: integer, merkleRoot: hash, time, keyId: text },
    {
      tree: oneOfValues(
        ['rfc6962:global-order:v1'],
        'RFC 6962 tree over the global order: leaf n is the n-th event, anchors excluded',
      ),
      streams: { ...integer, description: 'Checkpoints signed before the global-order tree: number of stream heads' },
    },
  ),
  SignedCheckpoint: object({ checkpoint: ref('Checkpoint'), algorithm: oneOfValues(['Ed25519']), signature: text }),
  CheckpointRecorded: object({ recorded: flag }, { checkpoint: ref('SignedCheckpoint') }),
  AnchorRecord: object({
    revision: integer,
    eventId: text,
    position: integer,
    hash,
    prevHash: hash,
    checkpoint: ref('Checkpoint'),
    algorithm: oneOfValues(['Ed25519']),
    signature: text,
  }),
  InclusionProof: object(
    {
      anchorRevision: integer,
      leafIndex: integer,
      treeSize: integer,
      path: list(hash, 'Sibling hashes from the leaf up (RFC 6962 2.1.1)'),
      checkpoint: ref('Checkpoint'),
      algorithm: oneOfValues(['Ed25519']),
      signature: text,
    },
    { verified: flag, problem: text },
    'The event in the tree of the latest checkpoint covering it, with that signed checkpoint',
  ),
  ConsistencyProof: object(
    {
      first: integer,
      second: integer,
      proof: list(hash, 'RFC 6962 2.1.2; verify with the two roots (RFC 9162 2.1.4.2)'),
    },
    {},
    'Proof that the tree of size second extends the tree of size first',
  ),
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
      inclusion: ref('InclusionProof'),
    },
  ),
  ConsentReceipt: object(
    {
      version: text,
      consentReceiptID: text,
      piiPrincipalId: text,
      issuedAt: time,
      keyId: text,
      signatureAlgorithm: oneOfValues(['Ed25519']),
      signature: text,
    },
    { jurisdiction: text, consentTimestamp: integer, collectionMethod: text, language: text },
    'A Kantara consent receipt signed with Ed25519, with the proof of its event',
  ),
} satisfies Record<string, Schema>;
