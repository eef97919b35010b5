import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CLOUDEVENTS_CONTENT_TYPE, toCloudEvent } from '../integration/cloud-event';
import type { IntegrationEvent } from '../integration/integration-event';
import { type WebhookSettings, activeTraceHeaders } from '#runtime';
import { guardedLookup, TARGET_FORBIDDEN } from './guarded-lookup';
import { ATTEMPT_HEADER, standardWebhookHeaders, type SigningSecrets } from './webhook-signature';
import { webhookUrlRefusal } from './webhook-target';

export type AttemptResult = { ok: true; status: number } | { ok: false; error: string };
export type DeliverySettings = Pick<WebhookSettings, 'timeoutMs' | 'allowPrivateTargets'>;
/** Where a delivery goes and how it is signed and labelled. */
export interface DeliveryTarget {
  url: string;
  signing: SigningSecrets;
  /** The CloudEvents `source` attribute. */
  source: string;
}

/**
 * One POST of one integration event as a structured CloudEvent, signed per Standard Webhooks with
 * `webhook-id` = the event id (the same on every retry: receivers deduplicate on it). Only a 2xx counts as delivered; redirects are not
 * followed (a signed body must not be replayed to another host), and a slow receiver times out.
 * The target rule is checked again here: on the URL (the setting may have changed since the
 * registration) and, through the socket's lookup, on the address the name resolves to now.
 */
export async function postEvent(
  target: DeliveryTarget,
  event: IntegrationEvent,
  attempt: number,
  settings: DeliverySettings,
): Promise<AttemptResult> {
  const { url } = target;
  if (webhookUrlRefusal(url, settings.allowPrivateTargets) !== undefined) return { ok: false, error: TARGET_FORBIDDEN };
  const body = JSON.stringify(toCloudEvent(event, target.source));
  const headers = {
    'content-type': CLOUDEVENTS_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'user-agent': 'privacy-ledger-webhooks/1',
    ...standardWebhookHeaders(target.signing, event.id, new Date(), body),
    [ATTEMPT_HEADER]: String(attempt),
    // W3C Trace Context: the receiver may continue the delivery's trace (nothing when tracing is off).
    ...activeTraceHeaders(),
  };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    const status = await post(new URL(url), headers, body, settings.allowPrivateTargets, signal);
    return status >= 200 && status < 300 ? { ok: true, status } : { ok: false, error: `HTTP ${status}` };
  } catch (error) {
    if (signal.aborted) return { ok: false, error: 'TimeoutError' };
    return { ok: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).name };
  }
}

/** The response's status once its head arrives; the body is discarded. */
function post(
  url: URL,
  headers: OutgoingHttpHeaders,
  body: string,
  allowPrivate: boolean,
  signal: AbortSignal,
): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', headers, lookup: guardedLookup(allowPrivate), signal },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
