import type { SubjectProfile, Verification } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { receiptPath } from '../subject/consent-matrix';
import { useLoad } from '../use-load';

/** One subject's chain verification and its consent receipts (signed, checkable offline). */
export function SubjectProof({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const { client } = useSession();
  const [proof] = useLoad(
    async (signal) => {
      const [verification, profile] = await Promise.all([
        client.get<Verification>(`/subjects/${encodeURIComponent(subjectId)}/verify`, { signal }),
        client.get<SubjectProfile>(`/subjects/${encodeURIComponent(subjectId)}`, { signal }),
      ]);
      return { verification, profile };
    },
    [subjectId],
  );
  if (proof.state === 'loading') return <p className="note">{t('common.loading')}</p>;
  if (proof.state === 'error') return <ErrorNote error={proof.error} />;
  return (
    <>
      <VerificationCard verification={proof.data.verification} />
      <Receipts profile={proof.data.profile} />
    </>
  );
}

function VerificationCard({ verification: v }: { verification: Verification }) {
  const { t, tn } = useI18n();
  return (
    <div className={`card verdict ${v.ok ? 'ok' : 'bad'}`} role="status" data-testid="verification">
      <h2>{v.ok ? t('audit.intact') : t('audit.broken')}</h2>
      <ul className="plain">
        <li>{tn('audit.events', v.events, { revision: v.head.revision })}</li>
        <li>
          {tn('audit.anchorsCovering', v.anchors.covering)} {tn('audit.signaturesValid', v.anchors.signaturesValid)}
        </li>
        <li>
          {v.inclusion
            ? tn(v.inclusion.verified ? 'audit.included' : 'audit.notIncluded', v.inclusion.treeSize)
            : t('audit.noInclusion')}
        </li>
        {v.firstBreak && <li className="error">{t('audit.firstBreak', { detail: JSON.stringify(v.firstBreak) })}</li>}
        {v.anchors.firstMismatch && <li className="error">{v.anchors.firstMismatch.message}</li>}
      </ul>
    </div>
  );
}

function Receipts({ profile }: { profile: SubjectProfile }) {
  const { t } = useI18n();
  const { client, can } = useSession();
  const cells = profile.consents.filter(
    (cell) => cell.recordedStatus === 'granted' || cell.recordedStatus === 'revoked',
  );
  if (!can('receipt')) return null;
  return (
    <div className="card">
      <h2>{t('audit.receipts')}</h2>
      {cells.length === 0 && <p className="note">{t('audit.noReceipts')}</p>}
      <ul className="plain">
        {cells.map((cell) => (
          <li key={`${cell.topicId}/${cell.channel}/${cell.contactPointId ?? ''}`}>
            {cell.topicId} · {cell.channel} <StatusBadge status={cell.status} />{' '}
            <button
              type="button"
              onClick={() =>
                void client.download(
                  receiptPath(profile.subjectId, cell),
                  `consent-receipt-${cell.topicId}-${cell.channel}.json`,
                )
              }
            >
              {t('matrix.receipt')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
