import type { IntegrationEvent } from '../../integration/integration-event';
import { ATTEMPT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signDelivery } from './webhook-signature';

export type AttemptResult = { ok: true; status: number } | { ok: false; error: string };

/**
 * One signed POST of one integration event. Only a 2xx counts as delivered; redirects are not
 * followed (a signed body must not be replayed to another host), and a slow receiver times out.
 */
export async function postEvent(url: string, secret: string, event: IntegrationEvent, attempt: number, timeoutMs: number): Promise<AttemptResult> {
  const body = JSON.stringify(event);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'privacy-ledger-webhooks/1',
    [SIGNATURE_HEADER]: signDelivery(secret, body, Math.floor(Date.now() / 1000)),
    [EVENT_ID_HEADER]: event.id,
    [ATTEMPT_HEADER]: String(attempt),
  };
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? { ok: true, status: response.status } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, error: cause ?? (error as Error).name };
  }
}
