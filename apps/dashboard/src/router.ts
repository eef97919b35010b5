import { useEffect, useState } from 'react';

/** The dashboard routes by the URL's hash, so no dashboard path can shadow an api path. */
export type Route =
  | { view: 'overview' }
  | { view: 'search'; query?: string }
  | { view: 'subject'; id: string }
  | { view: 'requests' }
  | { view: 'audit'; id?: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/').map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (view === 'subjects' && id) return { view: 'subject', id };
  if (view === 'subjects') return { view: 'search', query: params.get('q') ?? undefined };
  if (view === 'requests') return { view: 'requests' };
  if (view === 'audit') return { view: 'audit', id: id || undefined };
  return { view: 'overview' };
}

export const href = {
  overview: () => '#/overview',
  search: () => '#/subjects',
  subject: (id: string) => `#/subjects/${encodeURIComponent(id)}`,
  requests: () => '#/requests',
  audit: (id?: string) => (id ? `#/audit/${encodeURIComponent(id)}` : '#/audit'),
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
