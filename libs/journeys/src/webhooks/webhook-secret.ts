import { randomBytes } from 'node:crypto';

/** Standard Webhooks: a secret is `whsec_` followed by the base64 of its random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** 24 bytes (192 bits) at least, the spec's lower bound; generated secrets have 32. */
export const MIN_WEBHOOK_SECRET_BYTES = 24;
const GENERATED_SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(GENERATED_SECRET_BYTES).toString('base64');
}

/** Why `secret` cannot be a new webhook secret, or undefined when it can. */
export function webhookSecretRefusal(secret: string): string | undefined {
  const rule = `must be ${WEBHOOK_SECRET_PREFIX} followed by the base64 of at least ${MIN_WEBHOOK_SECRET_BYTES} random bytes`;
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) return rule;
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  const bytes = Buffer.from(encoded, 'base64');
  // Node's decoder skips what is not base64; only a canonical round trip proves the text was base64.
  if (bytes.toString('base64') !== encoded || bytes.length < MIN_WEBHOOK_SECRET_BYTES) return rule;
  return undefined;
}
