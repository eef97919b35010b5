import { useState } from 'react';
import type { CommandResponse, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

const KINDS = ['direct_marketing', 'topic', 'channel', 'profiling'] as const;
type Kind = (typeof KINDS)[number];

interface Props {
  subject: SubjectProfile;
  onChanged: (position: number) => void;
  onClose: () => void;
}

/**
 * Art. 21(2), (3): an objection to direct marketing takes effect at once and needs no reason. One to
 * profiling alone keeps the messages coming, unpersonalised; the api takes it for one topic or all.
 */
export function ObjectionDialog({ subject, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const { client } = useSession();
  const [kind, setKind] = useState<Kind>('direct_marketing');
  const [target, setTarget] = useState('');
  const confirm = async () => {
    const scope = scopeOf(kind, target.trim());
    onChanged((await client.post<CommandResponse>(`/subjects/${subject.subjectId}/objections`, { scope })).position);
  };
  return (
    <ConfirmDialog
      title={t('objection.title')}
      consequence={t(kind === 'profiling' ? 'objection.consequence.profiling' : 'objection.consequence')}
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
            {targetLabel(kind, t)}
            <input value={target} onChange={(e) => setTarget(e.target.value)} required={kind !== 'profiling'} />
          </label>
        )}
      </div>
    </ConfirmDialog>
  );
}

function scopeOf(kind: Kind, target: string) {
  if (kind === 'direct_marketing') return { kind };
  if (kind === 'channel') return { kind, channel: target };
  if (kind === 'profiling' && target === '') return { kind };
  return { kind, topicId: target };
}

function targetLabel(kind: Kind, t: ReturnType<typeof useI18n>['t']): string {
  if (kind === 'channel') return t('common.channel');
  return kind === 'profiling' ? t('objection.profilingTopic') : t('common.topic');
}
