import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { privacyCenter } from '../api';
import { useI18n } from '../i18n/i18n';
import { describeFailure, NoticeRegion, type Notice } from '../notice';
import type { LinkProblem } from '../session-ended';

export type SignInReason = LinkProblem | 'ended' | 'signed-out';

/**
 * The way in without an account. The answer is the same whether or not the address is known: the
 * page must not tell anyone who is a customer.
 */
export function SignIn({ reason }: { reason?: SignInReason }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { form: useId(), email: useId() };
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const linkFailed = reason === 'expired' || reason === 'used' || reason === 'invalid';

  useEffect(() => {
    if (reason) heading.current?.focus();
  }, [reason]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await privacyCenter.signIn(email.trim(), language);
      setNotice({ tone: 'done', text: t('signIn.sent'), serial: Date.now() });
    } catch (failure) {
      setNotice({ tone: 'error', text: describeFailure(failure, t), serial: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="pc-main" data-view="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        {linkFailed ? t(`link.${reason}`) : t('app.title')}
      </h1>
      {linkFailed && <p className="pc-problem">{t('link.explain')}</p>}
      {reason === 'ended' && <p className="pc-problem">{t('signIn.ended')}</p>}
      {reason === 'signed-out' && <p>{t('signIn.signedOut')}</p>}
      <p>{t('signIn.intro')}</p>
      <section className="pc-card" aria-labelledby={ids.form}>
        <h2 id={ids.form}>{t('signIn.heading')}</h2>
        <form className="pc-form" onSubmit={submit}>
          <label htmlFor={ids.email}>{t('signIn.email')}</label>
          <input
            id={ids.email}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" className="pc-primary" disabled={busy}>
            {busy ? t('app.working') : t('signIn.submit')}
          </button>
        </form>
        <NoticeRegion notice={notice} />
      </section>
    </main>
  );
}
