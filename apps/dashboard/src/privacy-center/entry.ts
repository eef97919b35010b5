import type { EntryToken } from './types';

/**
 * The token rides in the URL fragment (never sent to a server, never in a Referer). It is taken out
 * of the address bar at once, so it stays out of the history, bookmarks and screenshots.
 */
export function takeEntryToken(
  location: Location = window.location,
  history: History = window.history,
): EntryToken | undefined {
  // Whatever follows goes to the server as it is: a damaged link is answered "not valid" there.
  const match = /^#(link|signin)=(.+)$/.exec(location.hash);
  if (!location.hash) return undefined;
  history.replaceState(null, '', location.pathname);
  if (!match) return undefined;
  return { kind: match[1] as EntryToken['kind'], token: match[2]! };
}
