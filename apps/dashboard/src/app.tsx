import { lazy, Suspense, useEffect, useState } from 'react';
import { createClient } from './api/client';
import type { Identity } from './api/types';
import { forgetKey, storedKey, storeKey } from './auth/session';
import { useDocumentTitle } from './components/page-title';
import { Shell } from './components/shell';
import { useI18n } from './i18n/i18n';
import { type Route, useRoute } from './router';
import { makeSession, SessionContext, type Session } from './session';
import { Overview } from './views/overview';
import { SignIn } from './views/sign-in';

// The overview is the first screen and comes with the page; every other view is its own chunk,
// fetched when first opened.
const Search = lazy(() => import('./views/search').then((m) => ({ default: m.Search })));
const SubjectPage = lazy(() => import('./subject/subject-page').then((m) => ({ default: m.SubjectPage })));
const Requests = lazy(() => import('./views/requests').then((m) => ({ default: m.Requests })));
const Audit = lazy(() => import('./views/audit').then((m) => ({ default: m.Audit })));

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | null>();
  const signOut = () => (forgetKey(), setSession(null));

  // A key kept from earlier in this tab is checked again: it may have been revoked meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page load; signOut only clears the key and the session
  useEffect(() => {
    const key = storedKey();
    if (!key) return setSession(null);
    const client = createClient(key);
    client.get<Identity>('/auth/me').then(
      (identity) => setSession(makeSession(client, identity, signOut)),
      () => signOut(),
    );
  }, []);

  if (session === undefined) return <p className="note">{t('common.loading')}</p>;
  if (session === null) {
    return (
      <SignInPage
        onSignedIn={(key, client, identity) => (storeKey(key), setSession(makeSession(client, identity, signOut)))}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <SignedIn />
    </SessionContext.Provider>
  );
}

function SignInPage(props: Parameters<typeof SignIn>[0]) {
  const { t } = useI18n();
  useDocumentTitle(t('signIn.submit'), t('app.title'));
  return <SignIn {...props} />;
}

function SignedIn() {
  const { t } = useI18n();
  const route = useRoute();
  return (
    <Shell route={route}>
      <Suspense fallback={<p className="note">{t('common.loading')}</p>}>
        <View route={route} />
      </Suspense>
    </Shell>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return <Overview />;
    case 'search':
      return <Search />;
    case 'subject':
      return <SubjectPage id={route.id} />;
    case 'requests':
      return <Requests />;
    case 'audit':
      return <Audit subjectId={route.id} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
