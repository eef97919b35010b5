import { readFileSync } from 'node:fs';
import { loadSigningKey, parsePublicKey, SigningKeyError, type AuditPublicKey, type AuditSigningKey } from '#audit';
import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/app-config-error';

/** Embedded means both stores are local files: only then may a key be generated into DATA_DIR. */
function embedded(config: AppConfig): boolean {
  return !config.eventStoreConnectionString && !config.mongodbUri;
}

/** The signing key of a running api: AUDIT_SIGNING_KEY, else `<DATA_DIR>/audit-signing.key` (created once, embedded only). */
export function openSigningKey(config: AppConfig, log: (line: string) => void): AuditSigningKey {
  try {
    const loaded = loadSigningKey({
      raw: config.audit.signingKey,
      dataDir: config.dataDir,
      embedded: embedded(config),
    })!;
    loaded.warnings.forEach(log);
    return loaded.key;
  } catch (error) {
    if (error instanceof SigningKeyError)
      throw new ConfigError('AUDIT_SIGNING_KEY', error.message.replace(/^AUDIT_SIGNING_KEY: /, ''));
    throw error;
  }
}

/**
 * The key a verifier checks against: a PEM file named by the auditor (best: one kept outside the
 * system), else the configured key. A verifier never generates a key; undefined when none exists.
 */
export function openVerifyingKey(config: AppConfig, publicKeyFile?: string): AuditPublicKey | undefined {
  try {
    if (publicKeyFile) return parsePublicKey(readFileSync(publicKeyFile, 'utf8'));
    const loaded = loadSigningKey({
      raw: config.audit.signingKey,
      dataDir: config.dataDir,
      embedded: embedded(config),
      create: false,
    });
    return loaded && { publicKey: loaded.key.publicKey, keyId: loaded.key.keyId };
  } catch (error) {
    const setting = publicKeyFile ? '--public-key' : 'AUDIT_SIGNING_KEY';
    throw new ConfigError(setting, (error as Error).message);
  }
}
