import { useEffect, useState } from 'react';
import { createClient } from './api/client';
import type { Identity } from './api/types';
import { forgetKey, storedKey, storeKey } from './auth/session';
import { LanguageSwitch } from './components/language-switch';
import { useI18n, type MessageKey } from './i18n/i18n';
import { href, useRoute, type Route } from './router';
import { makeSession, SessionContext, useSession, type Session } from './session';
import type { Action } from './auth/permissions';
import { SubjectPage } from './subject/subject-page';
import { Audit } from './views/audit';
import { Overview } from './views/overview';
import { Requests } from './views/requests';
import { Search } from './views/search';
import { SignIn } from './views/sign-in';

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
      <SignIn
        onSignedIn={(key, client, identity) => (storeKey(key), setSession(makeSession(client, identity, signOut)))}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}

const NAV: Array<{ view: Route['view']; label: MessageKey; to: string; needs: Action }> = [
  { view: 'overview', label: 'nav.overview', to: href.overview(), needs: 'stats' },
  { view: 'search', label: 'nav.search', to: href.search(), needs: 'profile' },
  { view: 'requests', label: 'nav.requests', to: href.requests(), needs: 'requests' },
  { view: 'audit', label: 'nav.audit', to: href.audit(), needs: 'anchors' },
];

function Shell() {
  const { t } = useI18n();
  const { identity, signOut, can } = useSession();
  const route = useRoute();
  const active = route.view === 'subject' ? 'search' : route.view;
  return (
    <>
      <header className="top">
        <a className="brand" href={href.overview()}>
          {t('app.title')}
        </a>
        <nav aria-label={t('nav.label')}>
          {NAV.filter((item) => can(item.needs)).map((item) => (
            <a key={item.view} href={item.to} aria-current={active === item.view ? 'page' : undefined}>
              {t(item.label)}
            </a>
          ))}
        </nav>
        <LanguageSwitch />
        <span className="who" data-testid="who">
          {identity.name} · {identity.roles.map((role) => t(`role.${role}`)).join(', ')}
        </span>
        <button type="button" onClick={signOut}>
          {t('app.signOut')}
        </button>
      </header>
      <main>
        <View route={route} />
      </main>
    </>
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
