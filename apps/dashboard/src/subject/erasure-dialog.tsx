import { useState } from 'react';
import type { CommandResponse, DsrRequest, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { subjectName } from './subject-name';

type ErasureAnswer = CommandResponse & { outcome: 'erased' | 'unchanged' | 'deferred'; until?: string };

interface Props {
  subject: SubjectProfile;
  onChanged: (position: number, notice?: string) => void;
  onClose: () => void;
}

/**
 * Art. 17 by crypto-shredding: the subject's key is destroyed, which cannot be undone. The dialog
 * names the person, offers their open erasure requests to answer (a crm key erases only on one, so
 * it must pick one; nobody types an id) and waits for a typed confirmation word.
 */
export function ErasureDialog({ subject, onChanged, onClose }: Props) {
  const { t, date } = useI18n();
  const { client, identity } = useSession();
  const [requests] = useLoad(
    (signal) => client.get<DsrRequest[]>(`/requests?status=open&subjectId=${subject.subjectId}`, { signal }),
    [subject.subjectId],
  );
  const erasures = requests.state === 'ok' ? requests.data.filter((r) => r.kind === 'erasure') : [];
  const requestRequired = !identity.roles.some((role) => role === 'dpo' || role === 'admin');
  const [chosen, setChosen] = useState<string>();
  const requestId = chosen ?? erasures[0]?.requestId ?? '';
  const [typed, setTyped] = useState('');
  const word = t('erasure.word');
  const confirm = async () => {
    const body = requestId ? { requestId } : {};
    const answer = await client.post<ErasureAnswer>(`/subjects/${subject.subjectId}/erasure`, body);
    // Art. 17(3): a legal hold defers the erasure; the api answers 202 and carries it out when the hold ends.
    onChanged(
      answer.position,
      answer.outcome === 'deferred' ? t('erasure.deferred', { until: date(answer.until) }) : undefined,
    );
  };
  const missing = requestRequired && requests.state === 'ok' && erasures.length === 0;
  return (
    <ConfirmDialog
      title={t('erasure.titleNamed', { name: subjectName(subject, t, true) })}
      consequence={t('erasure.consequence')}
      confirmLabel={t('erasure.confirm')}
      ready={typed.trim().toLocaleUpperCase() === word && (!requestRequired || requestId !== '')}
      danger
      onClose={onClose}
      onConfirm={confirm}
    >
      <div className="fields">
        {missing ? (
          <p className="note error">{t('erasure.noOpenRequest')}</p>
        ) : (
          <label>
            {t('erasure.request')}
            <select value={requestId} onChange={(e) => setChosen(e.target.value)}>
              {!requestRequired && <option value="">{t('erasure.withoutRequest')}</option>}
              {erasures.map((request) => (
                <option key={request.requestId} value={request.requestId}>
                  {[date(request.receivedAt), request.reference].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('erasure.typeWord', { word })}
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
      </div>
    </ConfirmDialog>
  );
}
