import { eventStoreConnection } from './event-store-connection';
import { ConfigError } from './app-config-error';
import { envFlag, envInteger } from './env-values';

export interface WebhookSettings {
  /** WEBHOOK_RETRY_BASE_MS: the first back-off; doubled per attempt, with jitter. */
  retryBaseMs: number;
  /** WEBHOOK_RETRY_MAX_MS: the longest back-off (default 10 minutes). */
  retryMaxMs: number;
  /** WEBHOOK_MAX_ATTEMPTS: attempts before an event is dead-lettered. */
  maxAttempts: number;
  /** WEBHOOK_TIMEOUT_MS: one delivery attempt's time limit. */
  timeoutMs: number;
  /** WEBHOOK_CONCURRENCY: subjects delivered in parallel per webhook (each subject stays in order). */
  concurrency: number;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: allow loopback, link-local and private targets (development, tests). */
  allowPrivateTargets: boolean;
  /** WEBHOOK_SECRET_OVERLAP_HOURS: after a rotation, deliveries are signed with the old secret too for this long. */
  secretOverlapHours: number;
}

export interface JourneySettings {
  /** JOURNEY_WORKERS: run the mail outbox and webhook delivery here (default: embedded mode). */
  runWorkers: boolean;
  /** PUBLIC_BASE_URL: where links in mails point (confirmation page, unsubscribe). */
  publicBaseUrl: string;
  /** SMTP_URL: e.g. smtps://user:pass@mail.example.org; absent: mails become .eml files. */
  smtpUrl?: string;
  /** MAIL_FROM: the sender of double opt-in mails. */
  mailFrom: string;
  /** DOUBLE_OPT_IN_MAIL: false when journeys mail the returned token themselves. */
  doubleOptInMail: boolean;
  /** FEED_HEARTBEAT_MS: SSE comment interval that keeps proxies from closing an idle feed. */
  feedHeartbeatMs: number;
  /** CLOUDEVENTS_SOURCE: the `source` attribute of every published CloudEvent (feed and webhooks). */
  cloudEventsSource: string;
  webhooks: WebhookSettings;
}

function baseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.PUBLIC_BASE_URL?.trim();
  if (!raw) return `http://${env.HOST?.trim() || '127.0.0.1'}:${env.PORT?.trim() || '3000'}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `must be an http or https URL, got "${raw}"`);
  }
}

/** CloudEvents 1.0 §3.1.1: `source` is a URI-reference; an absolute URI keeps source + id globally unique. */
function cloudEventsSource(raw: string | undefined, publicBaseUrl: string): string {
  const value = raw?.trim();
  if (!value) return `${publicBaseUrl}/feed`;
  if (/\s/.test(value) || !URL.canParse(value))
    throw new ConfigError(
      'CLOUDEVENTS_SOURCE',
      `must be an absolute URI (https://ledger.example.org/feed, urn:...), got "${value}"`,
    );
  return value;
}

function smtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^smtps?:\/\//.test(raw.trim()))
    throw new ConfigError(
      'SMTP_URL',
      'must start with smtp:// or smtps:// (the value is not shown: it may hold a password)',
    );
  return raw.trim();
}

export function loadJourneySettings(env: NodeJS.ProcessEnv): JourneySettings {
  const embedded = eventStoreConnection(env) === undefined;
  const publicBaseUrl = baseUrl(env);
  return {
    runWorkers: envFlag('JOURNEY_WORKERS', env.JOURNEY_WORKERS) ?? embedded,
    publicBaseUrl,
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM?.trim() || 'Privacy Ledger <no-reply@privacy-ledger.invalid>',
    doubleOptInMail: envFlag('DOUBLE_OPT_IN_MAIL', env.DOUBLE_OPT_IN_MAIL) ?? true,
    feedHeartbeatMs: envInteger('FEED_HEARTBEAT_MS', env.FEED_HEARTBEAT_MS, 15_000, 100, 300_000),
    cloudEventsSource: cloudEventsSource(env.CLOUDEVENTS_SOURCE, publicBaseUrl),
    webhooks: {
      retryBaseMs: envInteger('WEBHOOK_RETRY_BASE_MS', env.WEBHOOK_RETRY_BASE_MS, 1_000, 1, 3_600_000),
      retryMaxMs: envInteger('WEBHOOK_RETRY_MAX_MS', env.WEBHOOK_RETRY_MAX_MS, 600_000, 1, 86_400_000),
      maxAttempts: envInteger('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 8, 1, 100),
      timeoutMs: envInteger('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 100, 120_000),
      concurrency: envInteger('WEBHOOK_CONCURRENCY', env.WEBHOOK_CONCURRENCY, 8, 1, 256),
      allowPrivateTargets: envFlag('WEBHOOK_ALLOW_PRIVATE_TARGETS', env.WEBHOOK_ALLOW_PRIVATE_TARGETS) ?? false,
      secretOverlapHours: envInteger('WEBHOOK_SECRET_OVERLAP_HOURS', env.WEBHOOK_SECRET_OVERLAP_HOURS, 24, 0, 720),
    },
  };
}
