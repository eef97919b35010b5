import type { TimelineEntry } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { useLoad } from '../use-load';

const short = (hash: unknown) => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : '–');

/** The subject's history as readable steps, with the evidence and consent-text version of each grant. */
export function Timeline({ subjectId, version }: { subjectId: string; version: number }) {
  const { t, language } = useI18n();
  const { client } = useSession();
  const [timeline] = useLoad(
    (signal) => client.get<TimelineEntry[]>(`/subjects/${subjectId}/timeline`, { signal }),
    [subjectId, version],
  );
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {timeline.state === 'loading' && <p className="note">{t('common.loading')}</p>}
      {timeline.state === 'error' && <ErrorNote error={timeline.error} />}
      {timeline.state === 'ok' && (
        <ol className="timeline">
          {[...timeline.data].reverse().map((entry) => (
            <TimelineItem key={entry.eventId} entry={entry} language={language} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineItem({ entry, language }: { entry: TimelineEntry; language: 'en' | 'de' }) {
  const { t, date, term } = useI18n();
  const evidence = entry.evidence ?? {};
  return (
    <li data-testid="timeline-entry">
      <div className="timeline-head">
        <time dateTime={entry.recordedAt}>{date(entry.recordedAt)}</time>
        <strong>{entry.description[language]}</strong>
        <code className="muted">{entry.type}</code>
      </div>
      {entry.evidence && (
        <p className="evidence">
          {t('timeline.evidence', {
            method: typeof evidence.method === 'string' ? term('method', evidence.method) : '–',
            captured: date(typeof evidence.capturedAt === 'string' ? evidence.capturedAt : undefined),
            source: String(evidence.sourceSystem ?? '–'),
            form: String(evidence.formId ?? '–'),
          })}
        </p>
      )}
      {entry.textVersion && (
        <p className="evidence">
          {t('timeline.textVersion', {
            version: entry.textVersion.version,
            language: entry.textVersion.language ?? '–',
            published: date(entry.textVersion.publishedAt),
            hash: short(entry.textVersion.textHash),
          })}
        </p>
      )}
      <p className="muted small">
        {t('timeline.proof', {
          revision: entry.revision,
          actor: String(typeof entry.actor === 'object' ? JSON.stringify(entry.actor) : (entry.actor ?? '–')),
          hash: short(entry.hash),
        })}
      </p>
    </li>
  );
}
