import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import { readEventStream } from '../api/sse';
import type { MissionControlFigures } from '../api/types';

export type StreamState = {
  connection: 'connecting' | 'live' | 'reconnecting';
  figures?: MissionControlFigures;
  error?: unknown;
};

const RETRY_MS = [1000, 2000, 5000, 10000];

/**
 * Live figures from `GET /stats/stream`. A dropped connection is retried with back-off; a refusal
 * (401, 403, 404) is final and shown, since retrying would only be refused again.
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
        setState((s) => ({ ...s, connection: 'reconnecting' }));
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
  signal: AbortSignal,
  onFigures: (figures: MissionControlFigures) => void,
): Promise<unknown> {
  const response = await client.stream('/stats/stream', signal);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    return new ApiError(response.status, body.code ?? `HTTP.${response.status}`, body.message ?? response.statusText);
  }
  await readEventStream(
    response,
    (event) => event.event === 'stats' && onFigures(JSON.parse(event.data) as MissionControlFigures),
    signal,
  );
  return undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
