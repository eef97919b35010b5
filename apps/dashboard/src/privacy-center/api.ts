import { apiErrorOf } from '../api/api-error';
import type { EntryToken, Me, Outcome, Session } from './types';

const BASE = '/privacy-center';
/** The CSRF token lives as long as the tab: a reload keeps the session, another tab signs in anew. */
const CSRF_STORAGE = 'privacy-center.csrf';

/** A fresh key per click: a double submit of the same click is recorded once. */
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    headers['x-csrf-token'] = sessionStorage.getItem(CSRF_STORAGE) ?? '';
    headers['idempotency-key'] = idempotencyKey();
  }
  const response = await fetch(BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body)).json()) as T;
}

export const privacyCenter = {
  hasSession: (): boolean => sessionStorage.getItem(CSRF_STORAGE) !== null,

  async openSession(entry: EntryToken): Promise<Session> {
    const session = await json<Session>('POST', '/session', entry);
    sessionStorage.setItem(CSRF_STORAGE, session.csrfToken);
    return session;
  },

  async signOut(): Promise<void> {
    try {
      await send('DELETE', '/session');
    } finally {
      sessionStorage.removeItem(CSRF_STORAGE);
    }
  },

  forget: (): void => sessionStorage.removeItem(CSRF_STORAGE),
  signIn: (email: string, locale: string) => json<{ status: string }>('POST', '/sign-in', { email, locale }),
  me: () => json<Me>('GET', '/me'),
  grant: (body: { topicId: string; channel: string; contactPointId?: string; textVersion: number }) =>
    json<Outcome>('POST', '/consents', body),
  revoke: (body: { topicId: string; channel?: string }) => json<Outcome>('POST', '/revocations', body),
  object: (body: { kind: 'direct_marketing' | 'topic' | 'profiling'; topicId?: string }) =>
    json<Outcome>('POST', '/objections', body),
  block: (body: { kind: 'global' | 'channel'; channel?: string }) => json<Outcome>('POST', '/blocks', body),
  request: (body: { kind: 'access' | 'rectification' | 'erasure'; field?: string; correction?: string }) =>
    json<Outcome>('POST', '/requests', body),

  /** Art. 15: the copy arrives as a file; the server records the access request and its fulfilment. */
  async download(): Promise<{ blob: Blob; filename: string }> {
    const response = await send('GET', '/export');
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'privacy-center-export.json';
    return { blob: await response.blob(), filename };
  },
};
