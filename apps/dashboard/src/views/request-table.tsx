import { useState } from 'react';
import type { DsrRequest } from '../api/types';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { href } from '../router';
import { useSession } from '../session';
import { daysLeft } from '../subject/days-left';
import { type Answer, RequestDialog } from './request-dialogs';
import { ScrollRegion } from '../components/scroll-box';

const COLUMNS = [
  'requests.due',
  'requests.kind',
  'requests.reference',
  'requests.received',
  'requests.channel',
  'requests.subject',
] as const;

/** The queue: due date and days left, kind, reference, who asked (linked), and the answers a role may give. */
export function RequestTable({
  requests,
  onDone,
}: {
  requests: DsrRequest[];
  onDone: (position: number, notice: string) => void;
}) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState<{ answer: Answer; request: DsrRequest }>();
  const now = Date.now();
  return (
    <>
      <ScrollRegion label={t('requests.title')}>
        <table className="queue">
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th scope="col" key={key}>
                  {t(key)}
                </th>
              ))}
              {can('answerRequest') && <th scope="col">{t('requests.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => {
              const late = request.status === 'overdue';
              return (
                <tr key={request.requestId} className={late ? 'overdue' : ''} data-testid="request-row">
                  <td>
                    {date(request.dueAt)}{' '}
                    {late && <span className="badge status-overdue">{t('requests.overdue')}</span>}
                    {request.extendedUntil && <span className="chip">{t('requests.extended')}</span>}
                    <span className="small muted"> · {daysLeft(request.dueAt, now, t)}</span>
                  </td>
                  <td>{t(`requests.kinds.${request.kind}` as MessageKey)}</td>
                  <td>{request.reference ?? '–'}</td>
                  <td>{date(request.receivedAt)}</td>
                  <td>{request.channel}</td>
                  <td>
                    <SubjectLink request={request} />
                  </td>
                  {can('answerRequest') && (
                    <td className="row-actions">
                      {(['fulfil', 'extend', 'reject'] as const)
                        .filter((answer) => answer !== 'extend' || !request.extendedUntil)
                        .map((answer) => (
                          <button key={answer} type="button" onClick={() => setOpen({ answer, request })}>
                            {t(`requests.${answer}`)}
                          </button>
                        ))}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {open && <RequestDialog {...open} onDone={onDone} onClose={() => setOpen(undefined)} />}
    </>
  );
}

/** By name, else by a masked address, else (roles without personal data) by the start of the id. */
function SubjectLink({ request }: { request: DsrRequest }) {
  const { t } = useI18n();
  const label = request.subject?.erased
    ? t('requests.erasedSubject')
    : (request.subject?.name ?? request.subject?.address);
  return <a href={href.subject(request.subjectId)}>{label ?? <code>{request.subjectId.slice(0, 8)}…</code>}</a>;
}
