import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Action } from '../auth/permissions';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { href, type Route } from '../router';
import { useSession } from '../session';
import { Announcer } from './announcer';
import { useFocusOnNavigate } from './focus-on-navigate';
import { LanguageSwitch } from './language-switch';
import { PageTitleContext, useDocumentTitle } from './page-title';

const NAV: Array<{ view: Route['view']; label: MessageKey; to: string; needs: Action }> = [
  { view: 'overview', label: 'nav.overview', to: href.overview(), needs: 'stats' },
  { view: 'search', label: 'nav.search', to: href.search(), needs: 'profile' },
  { view: 'requests', label: 'nav.requests', to: href.requests(), needs: 'requests' },
  { view: 'audit', label: 'nav.audit', to: href.audit(), needs: 'anchors' },
];

const TITLES: Record<Route['view'], MessageKey> = {
  overview: 'overview.title',
  search: 'search.title',
  subject: 'profile.title',
  requests: 'requests.title',
  audit: 'audit.title',
};

/** The routeKey changes on every navigation, also between two subjects. */
export function routeKey(route: Route): string {
  return JSON.stringify(route);
}

/**
 * The frame around every view: the menu (a disclosure button on narrow screens), the outcome of the
 * last action, the page title, and focus on the new view's heading after a navigation.
 */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useI18n();
  const [title, setTitle] = useState<string>();
  const main = useRef<HTMLElement>(null);
  const key = routeKey(route);
  useDocumentTitle(title ?? t(TITLES[route.view]), t('app.title'));
  useFocusOnNavigate(key, main);
  return (
    <PageTitleContext.Provider value={setTitle}>
      {/* A button, not a #main link: the dashboard routes by the hash. */}
      <button type="button" className="skip" onClick={() => main.current?.focus()}>
        {t('app.skip')}
      </button>
      <Header route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        <Announcer clearOn={key}>{children}</Announcer>
      </main>
    </PageTitleContext.Provider>
  );
}

function Header({ route }: { route: Route }) {
  const { t } = useI18n();
  const { identity, signOut, can } = useSession();
  const [open, setOpen] = useState(false);
  const menu = useId();
  const active = route.view === 'subject' ? 'search' : route.view;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation closes the menu it was chosen from
  useEffect(() => setOpen(false), [routeKey(route)]);
  return (
    <header className="top">
      <a className="brand" href={href.overview()}>
        {t('app.title')}
      </a>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={menu}
        onClick={() => setOpen(!open)}
      >
        {t('app.menu')}
      </button>
      <div id={menu} className={`menu ${open ? 'open' : ''}`}>
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
      </div>
    </header>
  );
}
