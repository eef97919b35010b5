import { ConfigError } from './app-config-error';
import { envInteger } from './env-values';

/** Art. 77(1), 15(1)(f): the authority the person may complain to; unset fields are answered as such. */
export interface SupervisoryAuthority {
  name: string | null;
  address: string | null;
  url: string | null;
}

/** The Art. 15 answer and its delivery to the person (Art. 15(3)). */
export interface AccessSettings {
  /** EXPORT_LINK_TTL_DAYS: how long a mailed download link stays usable. */
  exportLinkTtlDays: number;
  /** SUPERVISORY_AUTHORITY_NAME, _ADDRESS, _URL. */
  supervisoryAuthority: SupervisoryAuthority;
}

const text = (raw: string | undefined) => (raw === undefined || raw.trim() === '' ? null : raw.trim());

function httpUrl(raw: string | undefined): string | null {
  const value = text(raw);
  if (value === null) return null;
  if (!/^https?:\/\//.test(value) || !URL.canParse(value))
    throw new ConfigError('SUPERVISORY_AUTHORITY_URL', `must be an http or https URL, got "${value}"`);
  return value;
}

export function loadAccessSettings(env: NodeJS.ProcessEnv): AccessSettings {
  return {
    exportLinkTtlDays: envInteger('EXPORT_LINK_TTL_DAYS', env.EXPORT_LINK_TTL_DAYS, 7, 1, 90),
    supervisoryAuthority: {
      name: text(env.SUPERVISORY_AUTHORITY_NAME),
      address: text(env.SUPERVISORY_AUTHORITY_ADDRESS),
      url: httpUrl(env.SUPERVISORY_AUTHORITY_URL),
    },
  };
}
