import type { Revealed } from '../api/types';
import type { I18n } from '../i18n/i18n';

/** A personal field as the api returns it for the caller's role: clear, erased or redacted. */
export function revealed(value: Revealed | undefined, t: I18n['t']): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  return 'erased' in value ? t('common.erased') : t('common.redacted');
}
