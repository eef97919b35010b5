import type { DueRequest, MissionControlFigures } from '../api/types';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { href } from '../router';

/** Art. 12(3) at a glance: what is overdue and what falls due within the week, each linked to its subject. */
export function DuePanel({ requests }: { requests: MissionControlFigures['requests'] }) {
  const { t } = useI18n();
  const empty = requests.overdue.length === 0 && requests.dueThisWeek.length === 0;
  return (
    <section className="card due-panel" aria-labelledby="due-title" data-testid="due-panel">
      <div className="section-head">
        <h2 id="due-title">{t('due.title')}</h2>
        <a href={href.requests()}>{t('due.queue')}</a>
      </div>
      {empty ? (
        <p className="note">{t('due.none')}</p>
      ) : (
        <div className="due-columns">
          <DueList title={t('due.overdue', { count: requests.overdue.length })} items={requests.overdue} late />
          <DueList title={t('due.week', { count: requests.dueThisWeek.length })} items={requests.dueThisWeek} />
        </div>
      )}
    </section>
  );
}

function DueList({ title, items, late = false }: { title: string; items: DueRequest[]; late?: boolean }) {
  const { t, date } = useI18n();
  return (
    <div>
      <h3 className={late ? 'late' : ''}>{title}</h3>
      <ul className="plain" data-testid={late ? 'due-overdue' : 'due-week'}>
        {items.map((request) => (
          <li key={request.requestId}>
            <a href={href.subject(request.subjectId)}>{t(`requests.kinds.${request.kind}` as MessageKey)}</a>
            {' · '}
            {date(request.dueAt)}
            {request.reference && <span className="chip">{request.reference}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
