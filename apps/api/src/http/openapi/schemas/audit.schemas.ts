import {
  anything,
  flag,
  hash,
  integer,
  list,
  mapOf,
  object,
  oneOfValues,
  ref,
  text,
  texts,
  time,
  uuid,
  type Schema,
} from './schema-helpers';

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
  ConsentRecord: object(
    {
      '@context': mapOf(text),
      '@id': text,
      '@type': oneOfValues(['https://w3id.org/dpv#ConsentRecord']),
      'dct:conformsTo': oneOfValues(['https://w3id.org/dpv/schema/dpv-27560#record']),
      'dct:identifier': uuid,
      'dpv:hasDataSubject': object({ '@type': text, 'dct:identifier': uuid }),
      'dpv:hasNotice': list(mapOf(anything), 'The consent texts (notices) the grants were given to'),
      'dpv:hasProcess': object(
        { '@type': text, 'dpv:hasPurpose': texts, 'dpv:hasLegalBasis': texts },
        {},
        'The topic as a DPV process: purpose and legal-basis IRIs, controller, storage, jurisdiction',
      ),
      'ledger:channel': text,
      'dpv:hasConsentStatus': list(
        object({ '@type': text }, { 'dct:identifier': text, 'dpv:isIndicatedAtTime': time, 'dct:created': time }),
        'The consent’s event history, oldest first; the last entry is the status in force',
      ),
    },
    { 'dct:modified': time, 'ledger:contactPointId': text },
    'ISO/IEC TS 27560 consent record in the W3C DPV profile (JSON-LD)',
  ),
} satisfies Record<string, Schema>;
