import { useState } from 'react';
import type { DsrRequest, SubjectProfile } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { revealed } from '../views/revealed';
import { daysLeft } from './days-left';
import { DeliveryDialog } from './delivery-dialog';

/** The requests a mailed copy answers (the api's DeliverExport). */
const DELIVERABLE = new Set(['access', 'portability']);

/**
 * The subject's open requests (Art. 12(3) deadlines) and legal holds (Art. 17(3)) as cards; an open
 * access request offers to send the person their copy.
 */
export function Cases({
  subject,
  onChanged,
}: {
  subject: SubjectProfile;
  onChanged: (position: number, notice?: string) => void;
}) {
  const { t, date } = useI18n();
  const { client, can } = useSession();
  const [delivering, setDelivering] = useState<string>();
  const canDeliver = (request: DsrRequest) => !subject.erased && can('deliverExport') && DELIVERABLE.has(request.kind);
  const [requests] = useLoad(
    (signal) =>
      can('requests')
        ? client.get<DsrRequest[]>(`/requests?status=open&subjectId=${subject.subjectId}`, {
            signal,
            minPosition: subject.position,
          })
        : Promise.resolve([]),
    [subject.subjectId, subject.position],
  );
  const holds = subject.legalHolds ?? [];
  const open = requests.state === 'ok' ? requests.data : [];
  return (
    <section className="card" aria-labelledby="cases-title">
      <h2 id="cases-title">{t('cases.title')}</h2>
      {requests.state === 'error' && <ErrorNote error={requests.error} />}
      {requests.state === 'ok' && open.length === 0 && holds.length === 0 && <p className="note">{t('cases.none')}</p>}
      <ul className="cells">
        {open.map((request) => (
          <li key={request.requestId} className={request.status === 'overdue' ? 'denied' : ''} data-testid="case">
            <h3>{t(`requests.kinds.${request.kind}` as MessageKey)}</h3>
            <p className="small">
              {date(request.dueAt)} · {daysLeft(request.dueAt, Date.now(), t)}
              {request.reference && <span className="chip">{request.reference}</span>}
            </p>
            {canDeliver(request) && (
              <button type="button" data-action="deliver" onClick={() => setDelivering(request.requestId)}>
                {t('delivery.action')}
              </button>
            )}
          </li>
        ))}
        {holds.map((hold) => (
          <li key={hold.holdId} data-testid="legal-hold">
            <h3>{t('cases.hold', { until: date(hold.until) })}</h3>
            <p className="small">
              {revealed(hold.reason, t)} · {t('cases.placed', { placed: date(hold.placedAt) })}
            </p>
          </li>
        ))}
      </ul>
      {delivering && (
        <DeliveryDialog
          subject={subject}
          requestId={delivering}
          onChanged={onChanged}
          onClose={() => setDelivering(undefined)}
        />
      )}
    </section>
  );
}

/** Art. 17(3): while a hold defers the erasure, the page says so before anything else. */
export function DeferralBanner({ subject }: { subject: SubjectProfile }) {
  const { t, date } = useI18n();
  if (!subject.erasureDeferral) return null;
  return (
    <p className="banner" role="status" data-testid="deferral-banner">
      {t('cases.deferred', { until: date(subject.erasureDeferral.until) })}
    </p>
  );
}
