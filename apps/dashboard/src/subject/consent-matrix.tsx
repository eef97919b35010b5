import { useState } from 'react';
import type { CommandResponse, ConsentCell, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNote } from '../components/error-note';
import { ScrollTable } from '../components/scroll-box';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

const REVOCABLE = ['granted', 'pending-double-opt-in', 'reconsent-required'];
const WITH_RECEIPT = ['granted', 'revoked'];

export function receiptPath(
  subjectId: string,
  cell: Pick<ConsentCell, 'topicId' | 'channel' | 'contactPointId'>,
): string {
  const base = `/subjects/${subjectId}/consents/${encodeURIComponent(cell.topicId)}/${encodeURIComponent(cell.channel)}/receipt`;
  return cell.contactPointId ? `${base}?contactPointId=${encodeURIComponent(cell.contactPointId)}` : base;
}

/** The subject's consents per topic and channel with the evidence of each grant (Art. 7(1)). */
export function ConsentMatrix({
  subject,
  onChanged,
}: {
  subject: SubjectProfile;
  onChanged: (position: number) => void;
}) {
  const { t, date, term } = useI18n();
  const { client, can } = useSession();
  const [revoking, setRevoking] = useState<ConsentCell>();
  const [error, setError] = useState<unknown>();
  const download = (cell: ConsentCell) =>
    client
      .download(receiptPath(subject.subjectId, cell), `consent-receipt-${cell.topicId}-${cell.channel}.json`)
      .catch(setError);

  return (
    <section className="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('matrix.title')}</h2>
      {error !== undefined && <ErrorNote error={error} />}
      {subject.consents.length === 0 ? (
        <p className="note">{t('matrix.none')}</p>
      ) : (
        <ScrollTable className="matrix" label={t('matrix.title')}>
          <thead>
            <tr>
              {(
                [
                  'common.topic',
                  'common.channel',
                  'matrix.status',
                  'matrix.textVersion',
                  'matrix.method',
                  'matrix.since',
                ] as const
              ).map((key) => (
                <th scope="col" key={key}>
                  {t(key)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('matrix.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {subject.consents.map((cell) => (
              <tr
                key={`${cell.topicId}/${cell.channel}/${cell.contactPointId ?? ''}`}
                data-testid={`consent-${cell.topicId}-${cell.channel}`}
              >
                <th scope="row">{cell.topicId}</th>
                <td>{term('channel', cell.channel)}</td>
                <td>
                  <StatusBadge status={cell.status} />
                </td>
                <td>{cell.textVersion !== undefined ? `v${cell.textVersion}` : '–'}</td>
                <td>{cell.method ? term('method', cell.method) : '–'}</td>
                <td>{date(cell.revokedAt ?? cell.grantedAt)}</td>
                <td className="row-actions">
                  {can('revoke') && !subject.erased && REVOCABLE.includes(cell.status) && (
                    <button type="button" onClick={() => setRevoking(cell)}>
                      {t('matrix.revoke')}
                    </button>
                  )}
                  {can('receipt') && WITH_RECEIPT.includes(cell.recordedStatus) && (
                    <button type="button" onClick={() => void download(cell)}>
                      {t('matrix.receipt')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('revoke.title', { topic: revoking.topicId, channel: revoking.channel })}
          consequence={t('revoke.consequence')}
          confirmLabel={t('revoke.confirm')}
          danger
          onClose={() => setRevoking(undefined)}
          onConfirm={async () => {
            const body = {
              topicId: revoking.topicId,
              channel: revoking.channel,
              ...(revoking.contactPointId ? { contactPointId: revoking.contactPointId } : {}),
            };
            const result = await client.post<CommandResponse>(`/subjects/${subject.subjectId}/consents/revoke`, body);
            onChanged(result.position);
          }}
        />
      )}
    </section>
  );
}
