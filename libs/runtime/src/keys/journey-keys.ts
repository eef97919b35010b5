import { createHash, createHmac, type KeyObject } from 'node:crypto';
import { deriveKey, loadMasterKey, type DataKey, type MasterKey } from '#crypto';
import type { AppConfig } from '../config/app-config';

/** HKDF info labels: one purpose per key, so a value signed for one use is worthless for another. */
const PURPOSES = {
  unsubscribe: 'privacy-ledger/journeys/unsubscribe-link/v1',
  doubleOptIn: 'privacy-ledger/journeys/double-opt-in-token/v1',
  webhookSecrets: 'privacy-ledger/journeys/webhook-secret/v1',
  privacyCenterLink: 'privacy-ledger/journeys/privacy-center-link/v1',
  privacyCenterSignIn: 'privacy-ledger/journeys/privacy-center-sign-in/v1',
  privacyCenterSession: 'privacy-ledger/journeys/privacy-center-session/v1',
} as const;

/** The Privacy Center's keys: footer links, sign-in tokens, and session ids, CSRF tokens and address keys. */
export interface PrivacyCenterKeys {
  link: KeyObject;
  signIn: KeyObject;
  session: KeyObject;
}

/**
 * Keys derived from the master key for the journey services. Derived rather than stored: every
 * api instance and the projector compute the same keys without a shared secret store, and the
 * master key never leaves this process. Rotating the master key changes them (see README).
 */
export class JourneyKeys {
  private constructor(
    readonly unsubscribe: KeyObject,
    readonly doubleOptIn: KeyObject,
    readonly webhookSecrets: DataKey,
    readonly privacyCenter: PrivacyCenterKeys,
  ) {}

  static fromMaster(master: MasterKey): JourneyKeys {
    const keyId = createHash('sha256').update(`${PURPOSES.webhookSecrets}:${master.id}`).digest('hex').slice(0, 16);
    return new JourneyKeys(
      deriveKey(master, PURPOSES.unsubscribe),
      deriveKey(master, PURPOSES.doubleOptIn),
      { keyId, key: deriveKey(master, PURPOSES.webhookSecrets) },
      {
        link: deriveKey(master, PURPOSES.privacyCenterLink),
        signIn: deriveKey(master, PURPOSES.privacyCenterSignIn),
        session: deriveKey(master, PURPOSES.privacyCenterSession),
      },
    );
  }

  /** The same master key the vault was opened with (openSubjectCrypto verified it). */
  static load(config: AppConfig): JourneyKeys {
    return JourneyKeys.fromMaster(loadMasterKey({ dataDir: config.dataDir, embedded: !config.mongodbUri }).key);
  }
}

export function hmacBase64url(key: KeyObject, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
