import { generateKeyPairSync } from 'node:crypto';
import { RECEIPT_VERSION, signReceipt, verifyReceipt, type UnsignedReceipt } from './consent-receipt';
import { fromPrivate } from './signing-key';

const key = fromPrivate(generateKeyPairSync('ed25519').privateKey);
const publicKey = { publicKey: key.publicKey, keyId: key.keyId };
const unsigned: UnsignedReceipt = {
  version: RECEIPT_VERSION,
  jurisdiction: 'EU',
  consentTimestamp: 1767225600,
  collectionMethod: 'double_opt_in',
  consentReceiptID: 'r-1',
  language: 'en',
  piiPrincipalId: 'subject-id',
  piiControllers: [{ piiController: 'ACME', contact: 'dpo@acme.example', onBehalf: false }],
  services: [],
  sensitive: false,
  spiCat: [],
  proof: {
    topicId: 'news',
    channel: 'email',
    textVersion: 1,
    textSha256: 'ab',
    method: 'double_opt_in',
    consentTime: '2026-01-01T00:00:00Z',
    stream: 's',
    revision: 3,
    eventId: 'e',
    eventHash: 'h',
  },
  issuedAt: '2026-01-02T00:00:00Z',
  keyId: key.keyId,
  signatureAlgorithm: 'Ed25519',
};

describe('consent receipt', () => {
  it('verifies as signed', () => {
    expect(verifyReceipt(signReceipt(unsigned, key), publicKey)).toEqual({ valid: true, keyId: key.keyId });
  });

  it('fails when any one field is changed, however deep', () => {
    const receipt = signReceipt(unsigned, key);
    const changed = { ...receipt, proof: { ...receipt.proof, textVersion: 2 } };
    expect(verifyReceipt(changed, publicKey)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/signature does not match/),
    });
    expect(verifyReceipt({ ...receipt, piiPrincipalId: 'someone-else' }, publicKey).valid).toBe(false);
  });

  it('names another key and a missing field as the reason', () => {
    const other = fromPrivate(generateKeyPairSync('ed25519').privateKey);
    expect(verifyReceipt(signReceipt(unsigned, key), { publicKey: other.publicKey, keyId: other.keyId })).toMatchObject(
      { valid: false, reason: expect.stringMatching(/signed by key/) },
    );
    const { signature: _s, ...withoutSignature } = signReceipt(unsigned, key);
    expect(verifyReceipt(withoutSignature, publicKey)).toEqual({
      valid: false,
      reason: 'the receipt has no signature field',
    });
  });
});
