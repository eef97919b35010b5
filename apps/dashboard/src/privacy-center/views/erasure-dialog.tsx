import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The one action with a second step (Art. 17 cannot be undone). A native modal dialog: the page
 * behind is inert, Escape and Cancel close it, and the safe choice has the focus, so Enter alone
 * never erases; focus returns to the button that opened it.
 */
export function ErasureDialog({ onConfirm, onClose }: { onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), text: useId() };
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="pc-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.text}
      onCancel={(e) => (e.preventDefault(), onClose())}
    >
      <h2 id={ids.title}>{t('requests.erasureConfirmTitle')}</h2>
      <p id={ids.text}>{t('requests.erasureConfirmText')}</p>
      <div className="pc-buttons">
        <button type="button" data-autofocus onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="pc-danger" onClick={onConfirm}>
          {t('requests.erasureConfirm')}
        </button>
      </div>
    </dialog>
  );
}
