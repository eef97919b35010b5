import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Ledger-Signature';
export const EVENT_ID_HEADER = 'X-Ledger-Event-Id';
export const ATTEMPT_HEADER = 'X-Ledger-Delivery-Attempt';

/** `t=<unix seconds>,v1=<hex HMAC-SHA-256 over "<t>.<body>">`, as Stripe-style receivers expect. */
export function signDelivery(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * The receiver's side, documented in the README: recompute the HMAC over the raw body, compare in
 * constant time, and refuse old timestamps so a captured delivery cannot be replayed later.
 */
export function verifyDelivery(secret: string, body: string, header: string | undefined, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || typeof parts.v1 !== 'string') return false;
  const expected = Buffer.from(signDelivery(secret, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
