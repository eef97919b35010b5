import type { SubjectProfile } from '../api/types';
import type { I18n } from '../i18n/i18n';

/**
 * How the page names a subject: first and last name, else (where asked, e.g. in the erasure dialog)
 * the first address, else "without a name". The header leaves the address to the facts beneath it.
 */
export function subjectName(subject: SubjectProfile, t: I18n['t'], orAddress = false): string {
  const clear = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const name = [subject.profile?.firstName, subject.profile?.lastName].map(clear).filter(Boolean).join(' ');
  if (name) return name;
  const address = orAddress ? subject.contactPoints?.map((point) => clear(point.address)).find(Boolean) : undefined;
  return address ?? t('subject.unnamed');
}
