import { apiErrorOf } from './api-error';

export interface RequestOptions {
  /** Read-your-writes: answer once the read models include this position (from a command). */
  minPosition?: number;
  signal?: AbortSignal;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Sends a command with a fresh Idempotency-Key, so a retried click never records twice. */
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  /** A DELETE command (lifting a block), with a fresh Idempotency-Key like `post`. */
  del<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Fetches JSON and hands it to the browser as a file. */
  download(path: string, filename: string): Promise<void>;
  stream(path: string, signal: AbortSignal): Promise<Response>;
}

export function createClient(key: string): ApiClient {
  const headers = (options: RequestOptions = {}, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${key}`,
    accept: 'application/json',
    ...(options.minPosition !== undefined ? { 'x-min-position': String(options.minPosition) } : {}),
    ...extra,
  });
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetch(path, { ...init, cache: 'no-store' });
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as T;
  };
  return {
    get: (path, options) => call(path, { headers: headers(options), signal: options?.signal }),
    post: (path, body, options) =>
      call(path, {
        method: 'POST',
        headers: headers(options, { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }),
        body: JSON.stringify(body),
        signal: options?.signal,
      }),
    del: (path, options) =>
      call(path, {
        method: 'DELETE',
        headers: headers(options, { 'idempotency-key': crypto.randomUUID() }),
        signal: options?.signal,
      }),
    download: async (path, filename) => {
      const document = await call<unknown>(path, { headers: headers() });
      saveJson(document, filename);
    },
    stream: (path, signal) =>
      fetch(path, {
        headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
        signal,
        cache: 'no-store',
      }),
  };
}

function saveJson(document: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: filename });
  link.click();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
