import { envInteger } from './env-values';

export interface PrivacyCenterSettings {
  /** PRIVACY_CENTER_LINK_TTL_DAYS: how long a mail-footer link stays usable unless its issuer says otherwise. */
  linkTtlDays: number;
  /** PRIVACY_CENTER_SIGN_IN_ADDRESS_LIMIT: sign-in requests per address (keyed hash) and window. */
  signInPerAddress: number;
  /** PRIVACY_CENTER_SIGN_IN_IP_LIMIT: sign-in requests per client IP and window. */
  signInPerIp: number;
  /** PRIVACY_CENTER_SIGN_IN_WINDOW_SECONDS: the window both sign-in limits count in. */
  signInWindowSeconds: number;
}

export function loadPrivacyCenterSettings(env: NodeJS.ProcessEnv): PrivacyCenterSettings {
  return {
    linkTtlDays: envInteger('PRIVACY_CENTER_LINK_TTL_DAYS', env.PRIVACY_CENTER_LINK_TTL_DAYS, 30, 1, 3650),
    signInPerAddress: envInteger(
      'PRIVACY_CENTER_SIGN_IN_ADDRESS_LIMIT',
      env.PRIVACY_CENTER_SIGN_IN_ADDRESS_LIMIT,
      3,
      1,
      1000,
    ),
    signInPerIp: envInteger('PRIVACY_CENTER_SIGN_IN_IP_LIMIT', env.PRIVACY_CENTER_SIGN_IN_IP_LIMIT, 20, 1, 100_000),
    signInWindowSeconds: envInteger(
      'PRIVACY_CENTER_SIGN_IN_WINDOW_SECONDS',
      env.PRIVACY_CENTER_SIGN_IN_WINDOW_SECONDS,
      900,
      1,
      86_400,
    ),
  };
}
