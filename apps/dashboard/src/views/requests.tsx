import { useState } from 'react';
import type { DsrRequest } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { RequestFilters } from './request-filters';
import { type Filters, matches } from './request-match';
import { RequestTable } from './request-table';
import '../content.css';

/**
 * The data-subject-request workspace, earliest deadline first (Art. 12(3): one month, extendable
 * once): filter, see days left and who asked, and answer from the queue. Which requests are overdue
 * is the api's verdict (its clock), not this browser's.
 */
export function Requests() {
  const { t } = useI18n();
  const { can } = useSession();
  return can('requests') ? <RequestQueue /> : <p className="note">{t('requests.noAccess')}</p>;
}

function RequestQueue() {
  const { t } = useI18n();
  const { client } = useSession();
  const [minPosition, setMinPosition] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const [filters, setFilters] = useState<Filters>({ kind: '', status: '', overdueOnly: false });
  // One read: an open request past its deadline answers with status `overdue`.
  const [queue] = useLoad(
    (signal) => client.get<DsrRequest[]>('/requests?status=open', { signal, minPosition }),
    [client, minPosition],
  );
  const done = (position: number, message: string) => (setMinPosition(position), setNotice(message));
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t('requests.title')}</h1>
      {notice && (
        <p className="note notice" role="status">
          {notice}
        </p>
      )}
      {queue.state === 'loading' && <p className="note">{t('common.loading')}</p>}
      {queue.state === 'error' && <ErrorNote error={queue.error} />}
      {queue.state === 'ok' && queue.data.length === 0 && <p className="note">{t('requests.none')}</p>}
      {queue.state === 'ok' && queue.data.length > 0 && (
        <>
          <p className="note" role="status">
            {t('requests.summary', {
              open: queue.data.length,
              overdue: queue.data.filter((request) => request.status === 'overdue').length,
            })}
          </p>
          <RequestFilters filters={filters} onChange={setFilters} />
          <RequestTable requests={queue.data.filter((request) => matches(request, filters))} onDone={done} />
        </>
      )}
    </section>
  );
}
