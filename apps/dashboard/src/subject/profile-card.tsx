import type { SubjectProfile } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import { useSession } from '../session';
import { revealed } from '../views/revealed';
import { ChildBadge } from './child-badge';

/** Who the subject is, as far as the caller's role may see (auditors: redacted, journeys: nothing). */
export function ProfileCard({ subject, name }: { subject: SubjectProfile; name: string }) {
  const { t, date, term } = useI18n();
  const { can } = useSession();
  const fields = Object.entries(subject.profile ?? {});
  return (
    <section className="card" aria-labelledby="profile-title">
      <div className="section-head">
        <h1 id="profile-title">{name}</h1>
        <ChildBadge subject={subject} />
        {can('verify') && <a href={href.audit(subject.subjectId)}>{t('profile.toAudit')}</a>}
      </div>
      {subject.erased && (
        <p className="note erased" role="status">
          {t('profile.erased')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('profile.id')}</dt>
        <dd>
          <code data-testid="subject-id">{subject.subjectId}</code>
        </dd>
        {subject.locale && (
          <>
            <dt>{t('profile.locale')}</dt>
            <dd>{subject.locale}</dd>
          </>
        )}
        <dt>{t('profile.registered')}</dt>
        <dd>{date(subject.registeredAt)}</dd>
        <dt>{t('profile.updated')}</dt>
        <dd>{date(subject.updatedAt)}</dd>
        {subject.contactPoints?.map((point) => (
          <div key={point.contactPointId} className="fact">
            <dt>{term('channel', point.channel)}</dt>
            <dd>
              {revealed(point.address, t)} {point.status !== 'active' && <span className="chip">{point.status}</span>}
            </dd>
          </div>
        ))}
        {fields.map(([field, value]) => (
          <div key={field} className="fact">
            <dt>{term('field', field)}</dt>
            <dd>{revealed(value, t)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
