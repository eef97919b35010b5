import { canonicalJson } from './canonical-json';
import { signText, verifyText, type AuditPublicKey, type AuditSigningKey } from './signing-key';
import { treeInclusionProblem, type TreeInclusion } from './tree-inclusion';

export const RECEIPT_VERSION = 'KI-CR-v1.1.0' as const;

/**
 * A consent receipt after the Kantara Initiative Consent Receipt Specification v1.1 (field names
 * kept), with the ledger's proof beside them: the event that recorded the grant and its chain hash.
 * Art. 7(1): the controller must be able to demonstrate the consent; the receipt lets the subject
 * and any auditor hold that demonstration themselves.
 */
export interface ConsentReceipt {
  version: typeof RECEIPT_VERSION;
  jurisdiction: string;
  /** Seconds since the epoch, as the specification asks; `proof.consentTime` has the ISO form. */
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: string;
  /** The pseudonymous subject id, never an address (Art. 4(5)). */
  piiPrincipalId: string;
  piiControllers: Array<{ piiController: string; contact: string; onBehalf: boolean }>;
  policyUrl?: string;
  services: Array<{ service: string; purposes: ReceiptPurpose[] }>;
  sensitive: boolean;
  spiCat: string[];
  proof: ReceiptProof;
  issuedAt: string;
  keyId: string;
  signatureAlgorithm: 'Ed25519';
  /** Base64 Ed25519 signature over the canonical JSON of every other field. */
  signature: string;
}

export interface ReceiptPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: 'EXPLICIT';
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
  legalBasis: string;
}

export interface ReceiptProof {
  topicId: string;
  channel: string;
  contactPointId?: string;
  textVersion: number;
  textSha256: string;
  method: string;
  consentTime: string;
  stream: string;
  revision: number;
  eventId: string;
  eventHash: string;
  /** The event as leaf of the log's tree signed by a checkpoint; absent while no checkpoint covers it. */
  inclusion?: TreeInclusion;
  /** Art. 8(1): how the authorisation of the holder of parental responsibility was verified; never a name. */
  parentalAuthorisation?: { method: string; reference: string };
}

export type UnsignedReceipt = Omit<ConsentReceipt, 'signature'>;

export function signReceipt(receipt: UnsignedReceipt, key: AuditSigningKey): ConsentReceipt {
  return { ...receipt, signature: signText(key, canonicalJson(receipt)) };
}

export type ReceiptCheck =
  | { valid: true; keyId: string; included?: { leafIndex: number; treeSize: number } }
  | { valid: false; reason: string };

const REQUIRED: ReadonlyArray<keyof ConsentReceipt> = [
  'version',
  'consentReceiptID',
  'piiPrincipalId',
  'proof',
  'keyId',
  'signature',
];

/** Offline check: the receipt is one this key signed, unchanged in any field. */
export function verifyReceipt(receipt: unknown, key: AuditPublicKey): ReceiptCheck {
  if (typeof receipt !== 'object' || receipt === null || Array.isArray(receipt))
    return { valid: false, reason: 'the file does not hold a JSON object' };
  const record = receipt as Record<string, unknown>;
  const missing = REQUIRED.find((field) => record[field] === undefined);
  if (missing) return { valid: false, reason: `the receipt has no ${missing} field` };
  if (record.version !== RECEIPT_VERSION)
    return { valid: false, reason: `unknown receipt version ${String(record.version)}` };
  if (record.keyId !== key.keyId)
    return { valid: false, reason: `signed by key ${String(record.keyId)}, but the public key is ${key.keyId}` };
  const { signature, ...signed } = record;
  if (typeof signature !== 'string' || !verifyText(key.publicKey, canonicalJson(signed), signature)) {
    return {
      valid: false,
      reason: 'the signature does not match: a field was changed after signing, or another key signed it',
    };
  }
  const proof = record.proof as ReceiptProof;
  const problem = proof.inclusion ? treeInclusionProblem(String(proof.eventHash), proof.inclusion, key) : undefined;
  if (problem) return { valid: false, reason: `the inclusion proof fails: ${problem}` };
  return {
    valid: true,
    keyId: key.keyId,
    included: proof.inclusion
      ? { leafIndex: proof.inclusion.leafIndex, treeSize: proof.inclusion.treeSize }
      : undefined,
  };
}
