import type { WebhookSettings } from '#runtime';

/**
 * Exponential back-off with "equal jitter": half the doubled delay is fixed, half random, so many
 * failing deliveries spread out instead of hammering a recovering receiver in step.
 */
export function webhookRetryDelay(
  settings: Pick<WebhookSettings, 'retryBaseMs' | 'retryMaxMs'>,
  attempt: number,
  random: () => number = Math.random,
): number {
  const capped = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(capped / 2 + random() * (capped / 2));
}
