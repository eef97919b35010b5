import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { useAnnounce } from './announcer';
import { ErrorNote } from './error-note';

export interface ConfirmDialogProps {
  title: string;
  /** The consequence, in plain words: read by screen readers as the dialog's description. */
  consequence: string;
  confirmLabel: string;
  danger?: boolean;
  /** A box the user must tick first, for what cannot be undone. */
  acknowledge?: string;
  /** False while the form inside is not complete (e.g. a confirmation word not yet typed). */
  ready?: boolean;
  /** What is announced and focused once it is done; by default "Done: <confirmLabel>". */
  done?: string;
  children?: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href]';

/**
 * A modal confirmation: the page behind is inert (native <dialog>), Tab stays inside, Escape and
 * Cancel close without doing anything and return focus to the button that opened it; once done,
 * the outcome is announced and focused instead (the opener may be gone).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const ref = useRef<HTMLDialogElement>(null);
  const succeeded = useRef(false);
  const ids = { title: useId(), description: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [acknowledged, setAcknowledged] = useState(!props.acknowledge);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current!;
    dialog.showModal();
    // The safe choice has the focus: Enter on a destructive dialog must not destroy.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (!succeeded.current) opener?.focus();
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm();
      succeeded.current = true;
      announce(props.done ?? t('common.done', { action: props.confirmLabel }));
      props.onClose();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className={`dialog ${props.danger ? 'danger' : ''}`}
      aria-labelledby={ids.title}
      aria-describedby={ids.description}
      onCancel={(e) => (e.preventDefault(), props.onClose())}
      onKeyDown={(e) => trapTab(e, ref.current)}
    >
      <form onSubmit={submit}>
        <h2 id={ids.title}>{props.title}</h2>
        <p id={ids.description} className="consequence">
          {props.consequence}
        </p>
        {props.children}
        {props.acknowledge && (
          <label className="acknowledge">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />{' '}
            {props.acknowledge}
          </label>
        )}
        {error !== undefined && <ErrorNote error={error} />}
        <div className="dialog-buttons">
          <button type="button" data-autofocus onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={props.danger ? 'danger' : 'primary'}
            disabled={busy || !acknowledged || props.ready === false}
          >
            {busy ? t('common.working') : props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function trapTab(event: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
