import { useState } from 'react';
import type { CommandResponse, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

const KINDS = ['direct_marketing', 'topic', 'channel'] as const;

interface Props {
  subject: SubjectProfile;
  onChanged: (position: number) => void;
  onClose: () => void;
}

/** Art. 21(2), (3): an objection to direct marketing takes effect at once and needs no reason. */
export function ObjectionDialog({ subject, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const { client } = useSession();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('direct_marketing');
  const [target, setTarget] = useState('');
  const confirm = async () => {
    const scope =
      kind === 'direct_marketing'
        ? { kind }
        : kind === 'channel'
          ? { kind, channel: target }
          : { kind, topicId: target };
    onChanged((await client.post<CommandResponse>(`/subjects/${subject.subjectId}/objections`, { scope })).position);
  };
  return (
    <ConfirmDialog
      title={t('objection.title')}
      consequence={t('objection.consequence')}
      confirmLabel={t('objection.confirm')}
      onClose={onClose}
      onConfirm={confirm}
    >
      <div className="fields">
        <label>
          {t('objection.scope')}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`objection.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'direct_marketing' && (
          <label>
            {kind === 'channel' ? t('common.channel') : t('common.topic')}
            <input value={target} onChange={(e) => setTarget(e.target.value)} required />
          </label>
        )}
      </div>
    </ConfirmDialog>
  );
}
