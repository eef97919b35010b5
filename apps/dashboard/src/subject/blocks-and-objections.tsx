import { useState } from 'react';
import type { Block, CommandResponse, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { revealed } from '../views/revealed';

function scopeText(scope: { kind: string; topicId?: string; channel?: string; contactPointId?: string }): string {
  return [scope.kind, scope.topicId, scope.channel, scope.contactPointId].filter(Boolean).join(' · ');
}

/** Active contact blocks (Werbesperren), each liftable, and objections (Art. 21); lifted ones live in the timeline. */
export function BlocksAndObjections({
  subject,
  onChanged,
}: {
  subject: SubjectProfile;
  onChanged: (position: number, notice?: string) => void;
}) {
  const { t, date } = useI18n();
  const { client, can } = useSession();
  const [lifting, setLifting] = useState<Block>();
  return (
    <section className="card" aria-labelledby="blocks-title">
      <h2 id="blocks-title">{t('blocks.title')}</h2>
      {subject.blocks.length === 0 && subject.objections.length === 0 && <p className="note">{t('blocks.none')}</p>}
      <ul className="plain">
        {subject.blocks.map((block) => (
          <li key={block.blockId} data-testid="block">
            <span className="badge status-blocked">{t('status.blocked')}</span> {scopeText(block.scope)} ·{' '}
            {date(block.setAt)}
            {block.reason !== undefined && <> · {revealed(block.reason, t)}</>}{' '}
            {can('liftBlock') && !subject.erased && (
              <button type="button" onClick={() => setLifting(block)}>
                {t('lift.button')}
              </button>
            )}
          </li>
        ))}
        {subject.objections.map((objection) => (
          <li key={`${JSON.stringify(objection.scope)}@${objection.raisedAt}`} data-testid="objection">
            <span className="badge status-objection">{t('blocks.objection')}</span> {scopeText(objection.scope)} ·{' '}
            {date(objection.raisedAt)}
          </li>
        ))}
      </ul>
      {lifting && (
        <ConfirmDialog
          title={t('lift.title')}
          consequence={t('lift.consequence')}
          confirmLabel={t('lift.confirm')}
          onClose={() => setLifting(undefined)}
          onConfirm={async () => {
            const path = `/subjects/${subject.subjectId}/blocks/${encodeURIComponent(lifting.blockId)}`;
            onChanged((await client.del<CommandResponse>(path)).position, t('lift.done'));
          }}
        />
      )}
    </section>
  );
}
