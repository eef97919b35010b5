import { useEffect, useRef } from 'react';
import { ApiError } from '../api/api-error';
import type { I18n } from './i18n/i18n';

export interface Notice {
  tone: 'done' | 'error';
  text: string;
  /** A new notice with the same text (the same click twice) is announced and focused again. */
  serial: number;
}

/** The refusal in the person's words; the server's own message stays for what the page cannot name. */
export function describeFailure(failure: unknown, t: I18n['t']): string {
  if (!(failure instanceof ApiError)) return t('app.networkError');
  if (failure.code === 'HTTP.RATE_LIMITED') return t('app.tooMany');
  return t('app.refused', { message: failure.message });
}

/**
 * The result of the last action. The live region is on the page before anything is said in it
 * (WCAG 4.1.3: a region added together with its text is often not announced), and focus moves to
 * it so a keyboard user continues from the answer, not from a button that may have gone.
 */
export function NoticeRegion({ notice }: { notice: Notice | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return (
    <div
      ref={ref}
      className={`notice ${notice?.tone ?? ''}`}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      data-testid="notice"
    >
      {notice?.text}
    </div>
  );
}
