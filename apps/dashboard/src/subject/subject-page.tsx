import { useState } from 'react';
import type { SubjectProfile } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { usePageTitle } from '../components/page-title';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { BlocksAndObjections } from './blocks-and-objections';
import { Cases, DeferralBanner } from './cases';
import { ConsentMatrix } from './consent-matrix';
import { ContactabilityCheck } from './contactability-check';
import { ProfileCard } from './profile-card';
import { SubjectActions } from './subject-actions';
import { subjectName } from './subject-name';
import { Timeline } from './timeline';
import '../content.css';

/**
 * One data subject: who it is, whether and why they may be contacted on every topic and channel,
 * open requests and legal holds, blocks, the commands people use most, the contactability check and
 * the timeline. After a command the page reloads with the command's position as X-Min-Position, so
 * it shows the change (read-your-writes).
 */
export function SubjectPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { client, can } = useSession();
  const [minPosition, setMinPosition] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const [profile] = useLoad(
    (signal) => client.get<SubjectProfile>(`/subjects/${encodeURIComponent(id)}`, { signal, minPosition }),
    [id, minPosition],
  );
  const changed = (position: number, message?: string) => (setMinPosition(position), setNotice(message));
  const name = profile.state === 'ok' ? subjectName(profile.data, t) : undefined;
  // WCAG 2.4.2: the tab names the person, as the heading does.
  usePageTitle(name);

  if (profile.state === 'loading') return <p className="note">{t('common.loading')}</p>;
  if (profile.state === 'error') return <ErrorNote error={profile.error} />;
  const subject = profile.data;
  return (
    <div className="subject">
      <ProfileCard subject={subject} name={name!} />
      <DeferralBanner subject={subject} />
      {notice && (
        <p className="note notice" role="status">
          {notice}
        </p>
      )}
      {!subject.erased && <SubjectActions subject={subject} onChanged={changed} />}
      <ConsentMatrix subject={subject} onChanged={changed} />
      <Cases subject={subject} onChanged={changed} />
      <BlocksAndObjections subject={subject} onChanged={changed} />
      {can('contactability') && <ContactabilityCheck subject={subject} />}
      {can('timeline') && <Timeline subjectId={subject.subjectId} version={subject.position} />}
    </div>
  );
}
