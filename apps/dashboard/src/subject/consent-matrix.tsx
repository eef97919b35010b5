import { useState } from 'react';
import type { CommandResponse, ConsentCell, PictureCell, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNote } from '../components/error-note';
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

/** Without the picture (journey keys), the recorded consents are all there is to show. */
function cellsOf(subject: SubjectProfile): PictureCell[] {
  if (subject.picture) return subject.picture;
  return subject.consents.map((c) => ({
    topicId: c.topicId,
    title: c.topicId,
    legalBasis: 'consent',
    channel: c.channel,
    consent: c.status as PictureCell['consent'],
    allowed: false,
    reasons: [],
  }));
}

/**
 * Every topic on each of its channels: may the person be contacted now, and if not, every reason in
 * words; when and to which wording consent was given (Art. 7(1)), with revoke and receipt beside it.
 */
export function ConsentMatrix({
  subject,
  onChanged,
}: {
  subject: SubjectProfile;
  onChanged: (position: number) => void;
}) {
  const { t } = useI18n();
  const { client } = useSession();
  const [revoking, setRevoking] = useState<ConsentCell>();
  const [error, setError] = useState<unknown>();
  const cells = cellsOf(subject);
  return (
    <section className="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('picture.title')}</h2>
      {error !== undefined && <ErrorNote error={error} />}
      {cells.length === 0 ? (
        <p className="note">{t('overview.noTopics')}</p>
      ) : (
        <ul className="cells">
          {cells.map((cell) => (
            <CellCard
              key={`${cell.topicId}/${cell.channel}`}
              cell={cell}
              subject={subject}
              onRevoke={setRevoking}
              onError={setError}
            />
          ))}
        </ul>
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

function CellCard(props: {
  cell: PictureCell;
  subject: SubjectProfile;
  onRevoke: (consent: ConsentCell) => void;
  onError: (error: unknown) => void;
}) {
  const { cell, subject } = props;
  const { t, date, term } = useI18n();
  const { client, can } = useSession();
  const recorded = subject.consents.filter((c) => c.topicId === cell.topicId && c.channel === cell.channel);
  const basis = term('legalBasis', cell.legalBasis);
  const method = recorded.find((c) => c.method)?.method;
  const download = (consent: ConsentCell) =>
    client
      .download(receiptPath(subject.subjectId, consent), `consent-receipt-${consent.topicId}-${consent.channel}.json`)
      .catch(props.onError);
  return (
    <li className={cell.allowed ? 'allowed' : 'denied'} data-testid={`consent-${cell.topicId}-${cell.channel}`}>
      <h3>
        {cell.title} · {term('channel', cell.channel)}
      </h3>
      <p className="small">
        {t('picture.consent')}:{' '}
        {cell.consent === 'not-required' ? t('picture.notRequired', { basis }) : <StatusBadge status={cell.consent} />}
        {cell.givenAt && ` · ${t('picture.given')} ${date(cell.givenAt)}`}
        {method && ` · ${term('method', method)}`}
      </p>
      {subject.picture && (
        <p className="small" data-testid="may-contact">
          {t('picture.contact')} <strong>{cell.allowed ? t('picture.yes') : t('picture.no')}</strong>
        </p>
      )}
      {cell.reasons.length > 0 && (
        <ul className="reasons small">
          {cell.reasons.map((code) => (
            <li key={code}>{term('reason', code)}</li>
          ))}
        </ul>
      )}
      {cell.textVersion !== undefined && (
        <details>
          <summary>
            {t('picture.text')} · {t('picture.textVersion', { version: cell.textVersion })}
          </summary>
          <p className="consent-text">{cell.text ?? '–'}</p>
        </details>
      )}
      <div className="row-actions">
        {recorded.map((consent) => (
          <span key={consent.contactPointId ?? ''}>
            {can('revoke') && !subject.erased && REVOCABLE.includes(consent.status) && (
              <button type="button" onClick={() => props.onRevoke(consent)}>
                {t('matrix.revoke')}
              </button>
            )}
            {can('receipt') && WITH_RECEIPT.includes(consent.recordedStatus) && (
              <button type="button" onClick={() => void download(consent)}>
                {t('matrix.receipt')}
              </button>
            )}
          </span>
        ))}
      </div>
    </li>
  );
}
