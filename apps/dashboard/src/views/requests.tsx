import type { DsrRequest } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { ScrollTable } from '../components/scroll-box';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';

/**
 * The data-subject-request queue, earliest deadline first (Art. 12(3): one month, extendable once).
 * Which requests are overdue is the api's verdict (its clock), not this browser's.
 */
export function Requests() {
  const { t } = useI18n();
  const { can } = useSession();
  return can('requests') ? <RequestQueue /> : <p className="note">{t('requests.noAccess')}</p>;
}

function RequestQueue() {
  const { t } = useI18n();
  const { client } = useSession();
  const [queue] = useLoad(
    // One read: an open request past its deadline answers with status `overdue`.
    async (signal) => {
      const open = await client.get<DsrRequest[]>('/requests?status=open', { signal });
      return {
        open,
        overdue: new Set(open.filter((request) => request.status === 'overdue').map((request) => request.requestId)),
      };
    },
    [client],
  );
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t('requests.title')}</h1>
      {queue.state === 'loading' && <p className="note">{t('common.loading')}</p>}
      {queue.state === 'error' && <ErrorNote error={queue.error} />}
      {queue.state === 'ok' && <RequestTable open={queue.data.open} overdue={queue.data.overdue} />}
    </section>
  );
}

function RequestTable({ open, overdue }: { open: DsrRequest[]; overdue: ReadonlySet<string> }) {
  const { t, date, term } = useI18n();
  if (open.length === 0) return <p className="note">{t('requests.none')}</p>;
  return (
    <>
      <p className="note" role="status">
        {t('requests.summary', { open: open.length, overdue: overdue.size })}
      </p>
      <ScrollTable className="queue" label={t('requests.title')}>
        <thead>
          <tr>
            {(
              ['requests.due', 'requests.kind', 'requests.received', 'requests.channel', 'requests.subject'] as const
            ).map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {open.map((request) => {
            const late = overdue.has(request.requestId);
            return (
              <tr key={request.requestId} className={late ? 'overdue' : ''} data-testid="request-row">
                <td>
                  {date(request.dueAt)} {late && <span className="badge status-overdue">{t('requests.overdue')}</span>}
                  {request.extendedUntil && <span className="chip">{t('requests.extended')}</span>}
                </td>
                <td>{t(`requests.kinds.${request.kind}` as 'requests.kinds.access')}</td>
                <td>{date(request.receivedAt)}</td>
                <td>{term('channel', request.channel)}</td>
                <td>
                  <a href={href.subject(request.subjectId)}>
                    <code>{request.subjectId.slice(0, 8)}…</code>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </>
  );
}
