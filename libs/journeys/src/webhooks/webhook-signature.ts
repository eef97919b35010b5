import { Webhook } from 'standardwebhooks';
import { WEBHOOK_SECRET_PREFIX } from './webhook-secret';

/** Standard Webhooks headers (https://www.standardwebhooks.com). */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/** Not part of the standard: which try this is (1, 2, …), for the receiver's logs. */
export const ATTEMPT_HEADER = 'X-Ledger-Delivery-Attempt';

/** The secrets a webhook signs with: after a rotation the previous one too, until `until`. */
export interface SigningSecrets {
  current: string;
  previous?: { secret: string; until: string };
}

/**
 * A secret registered before Standard Webhooks (any string of 16+ characters, still sealed as it
 * was) signs as its UTF-8 bytes: receivers verify with `new Webhook(Buffer.from(secret), { format: 'raw' })`
 * until they rotate to a `whsec_` secret.
 */
function signer(secret: string): Webhook {
  return secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? new Webhook(secret)
    : new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });
}

/**
 * `v1,<new> v1,<old>` while a rotation's overlap lasts, else `v1,<new>`: the spec lets a receiver
 * accept any listed signature, so one holding either secret verifies.
 */
export function signatureHeader(secrets: SigningSecrets, messageId: string, at: Date, body: string): string {
  const keys = [secrets.current];
  if (secrets.previous && at.getTime() < Date.parse(secrets.previous.until)) keys.push(secrets.previous.secret);
  return keys.map((secret) => signer(secret).sign(messageId, at, body)).join(' ');
}

/** The signed headers of one delivery of `body` as message `messageId`. */
export function standardWebhookHeaders(
  secrets: SigningSecrets,
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    [WEBHOOK_ID_HEADER]: messageId,
    [WEBHOOK_TIMESTAMP_HEADER]: String(Math.floor(at.getTime() / 1000)),
    [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(secrets, messageId, at, body),
  };
}
