import type { SubjectProfile } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Art. 8(1): a subject below the age of digital consent needs a parent's authorisation for
 * services offered to children; the badge says so where the profile is read.
 */
export function ChildBadge({ subject }: { subject: SubjectProfile }) {
  const { t } = useI18n();
  if (subject.childConsent?.belowAgeOfDigitalConsent !== true) return null;
  return (
    <span className="chip" data-testid="child-badge" title={t('profile.childHint')}>
      {t('profile.child', { age: subject.childConsent.ageOfDigitalConsent })}
    </span>
  );
}
