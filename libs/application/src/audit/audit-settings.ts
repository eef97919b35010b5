import { ConfigError } from '../config/app-config-error';

/** Checkpoints, the signing key and the controller named on consent receipts. */
export interface AuditSettings {
  /** AUDIT_CHECKPOINT_EVERY_EVENTS: a checkpoint after this many new events. */
  checkpointEveryEvents: number;
  /** AUDIT_CHECKPOINT_EVERY_SECONDS: and at least this often while anything changed. */
  checkpointEverySeconds: number;
  /** AUDIT_SIGNING_KEY: Ed25519 PKCS#8 (PEM or base64 DER); embedded mode falls back to a key file. */
  signingKey?: string;
  /** CONTROLLER_NAME, CONTROLLER_CONTACT: the controller of Art. 4(7), named on every receipt. */
  controllerName: string;
  controllerContact: string;
  /** RECEIPT_JURISDICTION: where the consent is governed. */
  jurisdiction: string;
}

function count(setting: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(setting, `must be a whole number of at least 1, got "${raw}"`);
  return value;
}

const text = (raw: string | undefined, fallback: string) => (raw === undefined || raw.trim() === '' ? fallback : raw.trim());

export function loadAuditSettings(env: NodeJS.ProcessEnv): AuditSettings {
  const signingKey = env.AUDIT_SIGNING_KEY?.trim();
  return {
    checkpointEveryEvents: count('AUDIT_CHECKPOINT_EVERY_EVENTS', env.AUDIT_CHECKPOINT_EVERY_EVENTS, 1000),
    checkpointEverySeconds: count('AUDIT_CHECKPOINT_EVERY_SECONDS', env.AUDIT_CHECKPOINT_EVERY_SECONDS, 300),
    signingKey: signingKey ? signingKey : undefined,
    controllerName: text(env.CONTROLLER_NAME, 'Privacy Ledger (set CONTROLLER_NAME)'),
    controllerContact: text(env.CONTROLLER_CONTACT, 'set CONTROLLER_CONTACT'),
    jurisdiction: text(env.RECEIPT_JURISDICTION, 'EU (GDPR / DSGVO)'),
  };
}
