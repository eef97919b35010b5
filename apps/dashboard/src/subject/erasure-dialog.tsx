import { useState } from 'react';
import type { CommandResponse, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

type ErasureAnswer = CommandResponse & { outcome: 'erased' | 'unchanged' | 'deferred'; until?: string };

interface Props {
  subject: SubjectProfile;
  onChanged: (position: number, notice?: string) => void;
  onClose: () => void;
}

/**
 * Art. 17 by crypto-shredding: the subject's key is destroyed, which cannot be undone. A crm key
 * erases only on the subject's recorded request, so it must name it; a dpo or admin may leave it out.
 */
export function ErasureDialog({ subject, onChanged, onClose }: Props) {
  const { t, date } = useI18n();
  const { client, identity } = useSession();
  const [requestId, setRequestId] = useState('');
  const requestRequired = !identity.roles.some((role) => role === 'dpo' || role === 'admin');
  const confirm = async () => {
    const body = requestId.trim() ? { requestId: requestId.trim() } : {};
    const answer = await client.post<ErasureAnswer>(`/subjects/${subject.subjectId}/erasure`, body);
    // Art. 17(3): a legal hold defers the erasure; the api answers 202 and carries it out when the hold ends.
    onChanged(
      answer.position,
      answer.outcome === 'deferred' ? t('erasure.deferred', { until: date(answer.until) }) : undefined,
    );
  };
  return (
    <ConfirmDialog
      title={t('erasure.title')}
      consequence={t('erasure.consequence')}
      confirmLabel={t('erasure.confirm')}
      acknowledge={t('erasure.acknowledge')}
      danger
      onClose={onClose}
      onConfirm={confirm}
    >
      <div className="fields">
        <label>
          {requestRequired ? t('erasure.requestIdRequired') : t('erasure.requestId')}
          <input
            value={requestId}
            onChange={(e) => setRequestId(e.target.value)}
            required={requestRequired}
            maxLength={128}
          />
        </label>
      </div>
    </ConfirmDialog>
  );
}
