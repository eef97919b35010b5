import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromPrivate, parsePrivateKey, SigningKeyError, type AuditSigningKey } from './signing-key';

export const SIGNING_KEY_FILE = 'audit-signing.key';

export interface SigningKeySourceOptions {
  /** AUDIT_SIGNING_KEY: PKCS#8 PEM or base64 DER. */
  raw?: string;
  dataDir: string;
  /** Only the embedded mode may keep (and create) the key in the data folder. */
  embedded: boolean;
  /** False for verifiers: they must never mint a key of their own. */
  create?: boolean;
}

export interface LoadedSigningKey {
  key: AuditSigningKey;
  source: 'AUDIT_SIGNING_KEY' | 'key file' | 'generated';
  warnings: string[];
}

/** The checkpoint and receipt signing key; undefined only when `create` is false and none exists. */
export function loadSigningKey(options: SigningKeySourceOptions): LoadedSigningKey | undefined {
  if (options.raw)
    return { key: withSetting(() => parsePrivateKey(options.raw!)), source: 'AUDIT_SIGNING_KEY', warnings: [] };
  const file = join(options.dataDir, SIGNING_KEY_FILE);
  if (existsSync(file))
    return {
      key: withSetting(() => parsePrivateKey(readFileSync(file, 'utf8')), file),
      source: 'key file',
      warnings: [],
    };
  if (options.create === false) return undefined;
  if (!options.embedded)
    throw new SigningKeyError(
      'AUDIT_SIGNING_KEY: must be set when the stores are external (a generated key would differ per instance)',
    );
  const { privateKey } = generateKeyPairSync('ed25519');
  // 0600: the key that makes checkpoints and receipts trustworthy is readable by its owner only.
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  const key = fromPrivate(privateKey);
  const warning = `audit: generated a development signing key ${key.keyId} in ${file}; set AUDIT_SIGNING_KEY in production and keep its public key outside the system`;
  return { key, source: 'generated', warnings: [warning] };
}

function withSetting(parse: () => AuditSigningKey, file?: string): AuditSigningKey {
  try {
    return parse();
  } catch (error) {
    throw new SigningKeyError(`${file ?? 'AUDIT_SIGNING_KEY'}: ${(error as Error).message}`);
  }
}
