import { useState } from 'react';
import type { CommandResponse, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

const KINDS = ['global', 'channel', 'topic'] as const;
const REFERENCES = ['communication', 'request', 'complaint', 'objection', 'other'] as const;

interface Props {
  subject: SubjectProfile;
  onChanged: (position: number) => void;
  onClose: () => void;
}

/** A contact block (Werbesperre), linked to what caused it as proof. */
export function BlockDialog({ subject, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const { client } = useSession();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('global');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [referenceKind, setReferenceKind] = useState<(typeof REFERENCES)[number]>('communication');
  const [referenceId, setReferenceId] = useState('');
  const confirm = async () => {
    const scope =
      kind === 'global' ? { kind } : kind === 'channel' ? { kind, channel: target } : { kind, topicId: target };
    const body = { scope, reason, reference: { kind: referenceKind, id: referenceId } };
    onChanged((await client.post<CommandResponse>(`/subjects/${subject.subjectId}/blocks`, body)).position);
  };
  return (
    <ConfirmDialog
      title={t('block.title')}
      consequence={t('block.consequence')}
      confirmLabel={t('block.confirm')}
      onClose={onClose}
      onConfirm={confirm}
    >
      <div className="fields">
        <label>
          {t('block.scope')}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`block.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'global' && (
          <label>
            {kind === 'channel' ? t('common.channel') : t('common.topic')}
            <input value={target} onChange={(e) => setTarget(e.target.value)} required />
          </label>
        )}
        <label>
          {t('block.reason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
        </label>
        <label>
          {t('block.referenceKind')}
          <select value={referenceKind} onChange={(e) => setReferenceKind(e.target.value as typeof referenceKind)}>
            {REFERENCES.map((r) => (
              <option key={r} value={r}>
                {t(`block.reference.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('block.referenceId')}
          <input value={referenceId} onChange={(e) => setReferenceId(e.target.value)} required maxLength={200} />
        </label>
      </div>
    </ConfirmDialog>
  );
}
