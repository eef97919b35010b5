import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigError } from './app-config-error';

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
  /** AUDIT_ANCHOR_DIR: a folder outside DATA_DIR that receives every new checkpoint as a JSON line. */
  anchorDir?: string;
}

function count(setting: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(setting, `must be a whole number of at least 1, got "${raw}"`);
  return value;
}

const text = (raw: string | undefined, fallback: string) =>
  raw === undefined || raw.trim() === '' ? fallback : raw.trim();

/** A copy kept inside the folder it vouches for is lost or rolled back with it, so that is refused. */
function anchorDir(raw: string | undefined, dataDir: string): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const dir = resolve(raw.trim());
  const inside = relative(dataDir, dir);
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new ConfigError('AUDIT_ANCHOR_DIR', `must lie outside DATA_DIR (${dataDir}), got "${raw.trim()}"`);
  return dir;
}

export function loadAuditSettings(env: NodeJS.ProcessEnv, dataDir: string): AuditSettings {
  const signingKey = env.AUDIT_SIGNING_KEY?.trim();
  return {
    checkpointEveryEvents: count('AUDIT_CHECKPOINT_EVERY_EVENTS', env.AUDIT_CHECKPOINT_EVERY_EVENTS, 1000),
    checkpointEverySeconds: count('AUDIT_CHECKPOINT_EVERY_SECONDS', env.AUDIT_CHECKPOINT_EVERY_SECONDS, 300),
    signingKey: signingKey ? signingKey : undefined,
    controllerName: text(env.CONTROLLER_NAME, 'Privacy Ledger (set CONTROLLER_NAME)'),
    controllerContact: text(env.CONTROLLER_CONTACT, 'set CONTROLLER_CONTACT'),
    jurisdiction: text(env.RECEIPT_JURISDICTION, 'EU (GDPR / DSGVO)'),
    anchorDir: anchorDir(env.AUDIT_ANCHOR_DIR, dataDir),
  };
}
