import { useCallback, useEffect, useRef, useState } from 'react';
import { privacyCenter } from './api';
import { takeEntryToken } from './entry';
import { useI18n } from './i18n/i18n';
import { Header } from './header';
import { linkProblem, sessionEnded } from './session-ended';
import type { Me } from './types';
import { Overview } from './views/overview';
import { SignIn, type SignInReason } from './views/sign-in';

type View = { kind: 'loading' } | { kind: 'sign-in'; reason?: SignInReason } | { kind: 'overview'; me: Me };

/** Which view the person sees: a link in the fragment opens a session; a session in this tab resumes. */
export function App() {
  const { t, adopt } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const started = useRef(false);

  const load = useCallback(async () => {
    try {
      const me = await privacyCenter.me();
      adopt(me.locale);
      setView({ kind: 'overview', me });
    } catch (failure) {
      privacyCenter.forget();
      setView({ kind: 'sign-in', reason: sessionEnded(failure) ? 'ended' : undefined });
    }
  }, [adopt]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const entry = takeEntryToken();
    if (entry)
      privacyCenter.openSession(entry).then(
        () => load(),
        (failure: unknown) => setView({ kind: 'sign-in', reason: linkProblem(failure) }),
      );
    else if (privacyCenter.hasSession()) void load();
    else setView({ kind: 'sign-in' });
  }, [load]);

  const signOut = async () => {
    await privacyCenter.signOut().catch(() => undefined);
    setView({ kind: 'sign-in', reason: 'signed-out' });
  };

  return (
    <>
      <Header expiresAt={view.kind === 'overview' ? view.me.expiresAt : undefined} onSignOut={signOut} />
      {view.kind === 'loading' && (
        <main className="pc-main">
          <p role="status">{t('app.loading')}</p>
        </main>
      )}
      {view.kind === 'sign-in' && <SignIn reason={view.reason} />}
      {view.kind === 'overview' && (
        <Overview me={view.me} reload={load} onSessionEnded={() => setView({ kind: 'sign-in', reason: 'ended' })} />
      )}
    </>
  );
}
