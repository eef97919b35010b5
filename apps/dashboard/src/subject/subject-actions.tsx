import { useState } from 'react';
import type { SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { BlockDialog } from './block-dialog';
import { ErasureDialog } from './erasure-dialog';
import { ObjectionDialog } from './objection-dialog';

type Open = 'block' | 'objection' | 'export' | 'erasure' | undefined;

/** The commands used most, each behind a confirmation; a button shows only if the key's role may use it. */
export function SubjectActions({
  subject,
  onChanged,
}: {
  subject: SubjectProfile;
  onChanged: (position: number, notice?: string) => void;
}) {
  const { t } = useI18n();
  const { client, can } = useSession();
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  const buttons = (['block', 'objection', 'export', 'erasure'] as const).filter((action) => can(action));
  if (buttons.length === 0) return null;
  return (
    <section className="actions" aria-label={t('actions.title')}>
      {buttons.map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'erasure' ? 'danger' : ''}
          onClick={() => setOpen(action)}
          data-action={action}
        >
          {t(`actions.${action}`)}
        </button>
      ))}
      {open === 'block' && <BlockDialog subject={subject} onChanged={onChanged} onClose={close} />}
      {open === 'objection' && <ObjectionDialog subject={subject} onChanged={onChanged} onClose={close} />}
      {open === 'erasure' && <ErasureDialog subject={subject} onChanged={onChanged} onClose={close} />}
      {open === 'export' && (
        <ConfirmDialog
          title={t('export.title')}
          consequence={t('export.consequence')}
          confirmLabel={t('export.confirm')}
          onClose={close}
          onConfirm={() =>
            client.download(`/subjects/${subject.subjectId}/export`, `subject-${subject.subjectId}-export.json`)
          }
        />
      )}
    </section>
  );
}
