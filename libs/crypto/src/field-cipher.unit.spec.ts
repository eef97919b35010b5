import { createSecretKey, randomBytes } from 'node:crypto';
import { decryptField, encryptField, type DataKey } from './field-cipher';
import { isEnvelope, parseEnvelope } from './envelope';
import { IntegrityError, UnsupportedValueError } from './errors';

const dataKey = (): DataKey => ({ keyId: randomBytes(8).toString('hex'), key: createSecretKey(randomBytes(32)) });
const SUBJECT = '6f1c2a9e-0000-4000-8000-000000000001';

/** Flips one bit of one character-decoded byte inside the given envelope part and re-encodes it. */
function flipByte(envelope: string, part: 3 | 4, at: (length: number) => number): string {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[at(bytes.length)]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('field envelope', () => {
  const key = dataKey();

  it.each([
    ['ada@example.org'],
    [''],
    ['Zoë 🙂'],
    [42],
    [0],
    [true],
    [null],
    [{ street: 'Hauptstr. 1', zip: '10115' }],
    [['a', 1]],
  ])('round-trips %p with its type', (value) => {
    expect(decryptField(key, SUBJECT, encryptField(key, SUBJECT, value))).toEqual(value);
  });

  it('keeps "42" a string and 42 a number', () => {
    expect(decryptField(key, SUBJECT, encryptField(key, SUBJECT, '42'))).toBe('42');
    expect(decryptField(key, SUBJECT, encryptField(key, SUBJECT, 42))).toBe(42);
  });

  it('names its key id and uses a fresh 96-bit iv for every field', () => {
    const a = encryptField(key, SUBJECT, 'same');
    const b = encryptField(key, SUBJECT, 'same');
    expect(a).toMatch(new RegExp(`^enc:v1:${key.keyId}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$`));
    expect(parseEnvelope(a).iv).toHaveLength(12);
    expect(parseEnvelope(a).iv.equals(parseEnvelope(b).iv)).toBe(false);
    expect(a).not.toBe(b);
    expect(isEnvelope(a)).toBe(true);
    expect(isEnvelope('ada@example.org')).toBe(false);
    expect(isEnvelope(42)).toBe(false);
  });

  it.each([
    ['the iv', (e: string) => flipByte(e, 3, () => 0)],
    ['the ciphertext', (e: string) => flipByte(e, 4, () => 0)],
    ['the tag', (e: string) => flipByte(e, 4, (n) => n - 1)],
    ['a non-canonical trailing character', (e: string) => e.slice(0, -1) + (e.endsWith('A') ? 'B' : 'A')],
    ['a truncated ciphertext', (e: string) => e.slice(0, -8)],
  ])('refuses a change to %s with IntegrityError', (_, tamper) => {
    const envelope = encryptField(key, SUBJECT, 'ada@example.org');
    expect(() => decryptField(key, SUBJECT, tamper(envelope))).toThrow(IntegrityError);
  });

  it('refuses a ciphertext moved to another subject (the subject is authenticated data)', () => {
    const envelope = encryptField(key, SUBJECT, 'ada@example.org');
    expect(() => decryptField(key, SUBJECT.replace(/1$/, '2'), envelope)).toThrow(IntegrityError);
  });

  it("refuses an envelope that names another data key, and one sealed under another key with this key's id", () => {
    const other = dataKey();
    expect(() => decryptField(key, SUBJECT, encryptField(other, SUBJECT, 'x'))).toThrow(/names a data key/);
    const forged = encryptField({ keyId: key.keyId, key: other.key }, SUBJECT, 'x');
    expect(() => decryptField(key, SUBJECT, forged)).toThrow(IntegrityError);
  });

  it('refuses strings that are not envelopes', () => {
    expect(() => decryptField(key, SUBJECT, 'ada@example.org')).toThrow(IntegrityError);
    expect(() => decryptField(key, SUBJECT, `enc:v2:${key.keyId}:AAAAAAAAAAAAAAAA:${'A'.repeat(30)}`)).toThrow(
      IntegrityError,
    );
  });

  it.each([[undefined], [() => 1], [10n], [Symbol('s')]])('refuses to encrypt %p', (value) => {
    expect(() => encryptField(key, SUBJECT, value)).toThrow(UnsupportedValueError);
  });
});
