import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** An Ed25519 key pair; `keyId` names the public key so a verifier can tell which key signed. */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  publicKeyPem: string;
}

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/** `ed25519:` and the first 16 hex digits of SHA-256 over the public key's SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

/** PKCS#8 PEM, or the base64 of its DER (what fits in one environment variable). */
export function parsePrivateKey(raw: string): AuditSigningKey {
  const text = raw.trim();
  let privateKey: KeyObject;
  try {
    privateKey = text.startsWith('-----BEGIN')
      ? createPrivateKey({ key: text, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningKeyError('is not a PKCS#8 private key (PEM, or base64 of the DER)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`must be an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  return fromPrivate(privateKey);
}

export function fromPrivate(privateKey: KeyObject): AuditSigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export interface AuditPublicKey {
  publicKey: KeyObject;
  keyId: string;
}

export function parsePublicKey(pem: string): AuditPublicKey {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem.trim(), format: 'pem' });
  } catch {
    throw new SigningKeyError('is not a PEM public key');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`must be an Ed25519 key, got ${publicKey.asymmetricKeyType}`);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

/** Ed25519 signs the message itself (no pre-hash), hence the null algorithm. */
export function signText(key: AuditSigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
