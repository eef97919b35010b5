import { useState } from 'react';
import type { CommandResponse, DsrRequest } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useSession } from '../session';

export type Answer = 'fulfil' | 'extend' | 'reject';

const PATHS: Record<Answer, string> = { fulfil: 'fulfilment', extend: 'extension', reject: 'rejection' };

interface Props {
  answer: Answer;
  request: DsrRequest;
  onDone: (position: number, notice: string) => void;
  onClose: () => void;
}

/** Answering a request from the queue (Art. 12(3)-(4)): fulfilled, extended once with a reason, or rejected with one. */
export function RequestDialog({ answer, request, onDone, onClose }: Props) {
  const { t } = useI18n();
  const { client } = useSession();
  const [months, setMonths] = useState(2);
  const [reason, setReason] = useState('');
  const kind = t(`requests.kinds.${request.kind}` as MessageKey);
  const confirm = async () => {
    const body = answer === 'extend' ? { months, reason } : answer === 'reject' ? { reason } : {};
    const path = `/subjects/${request.subjectId}/requests/${request.requestId}/${PATHS[answer]}`;
    const result = await client.post<CommandResponse>(path, body);
    onDone(result.position, t(`${answer}.done`));
  };
  return (
    <ConfirmDialog
      title={t(`${answer}.title`, { kind })}
      consequence={t(`${answer}.consequence`)}
      confirmLabel={t(`${answer}.confirm`)}
      danger={answer === 'reject'}
      ready={answer === 'fulfil' || reason.trim() !== ''}
      onClose={onClose}
      onConfirm={confirm}
    >
      {answer !== 'fulfil' && (
        <div className="fields">
          {answer === 'extend' && (
            <label>
              {t('extend.months')}
              <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
          )}
          <label>
            {t(`${answer}.reason`)}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          </label>
        </div>
      )}
    </ConfirmDialog>
  );
}
