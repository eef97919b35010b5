import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import { readEventStream } from '../api/sse';
import type { MissionControlFigures } from '../api/types';

export type StreamState = {
  connection: 'connecting' | 'live' | 'reconnecting';
  figures?: MissionControlFigures;
  /** When the connection was lost: the figures shown are as of then, until a new frame arrives. */
  staleSince?: string;
  error?: unknown;
};

const RETRY_MS = [1000, 2000, 5000, 10000];
/** The api sends a heartbeat every 15 s: a stream silent for longer than two of them is dead. */
export const SILENCE_MS = 35_000;

/**
 * Live figures from `GET /stats/stream`. A dropped or silent connection is retried with back-off
 * and the last figures stay on screen, marked stale; a refusal (401, 403, 404) is final and shown,
 * since retrying would only be refused again.
 */
export function useStatsStream(client: ApiClient): StreamState {
  const [state, setState] = useState<StreamState>({ connection: 'connecting' });
  useEffect(() => {
    const controller = new AbortController();
    let attempt = 0;
    const run = async (): Promise<void> => {
      while (!controller.signal.aborted) {
        const refusal = await connectOnce(client, controller.signal, (figures) => {
          attempt = 0;
          setState({ connection: 'live', figures });
        }).catch((error: unknown) => (controller.signal.aborted ? undefined : error));
        if (refusal instanceof ApiError) return setState((s) => ({ ...s, error: refusal }));
        if (controller.signal.aborted) return;
        const lost = new Date().toISOString();
        setState((s) => ({ ...s, connection: 'reconnecting', staleSince: s.staleSince ?? lost }));
        await sleep(RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!, controller.signal);
      }
    };
    void run();
    return () => controller.abort();
  }, [client]);
  return state;
}

async function connectOnce(
  client: ApiClient,
  outer: AbortSignal,
  onFigures: (figures: MissionControlFigures) => void,
): Promise<unknown> {
  const attempt = new AbortController();
  const stop = () => attempt.abort();
  outer.addEventListener('abort', stop, { once: true });
  let watchdog = setTimeout(stop, SILENCE_MS);
  const alive = () => (clearTimeout(watchdog), (watchdog = setTimeout(stop, SILENCE_MS)));
  try {
    const response = await client.stream('/stats/stream', attempt.signal);
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      return new ApiError(response.status, body.code ?? `HTTP.${response.status}`, body.message ?? response.statusText);
    }
    await readEventStream(
      response,
      (event) => {
        alive();
        if (event.event === 'stats') onFigures(JSON.parse(event.data) as MissionControlFigures);
      },
      attempt.signal,
    );
    return undefined;
  } finally {
    clearTimeout(watchdog);
    outer.removeEventListener('abort', stop);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
