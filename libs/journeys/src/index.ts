/** #journeys: journey services: integration events, feed workers, webhooks, double opt-in mail, unsubscribe. */

// integration events
export * from './integration/cloud-event';
export * from './integration/integration-event';
export * from './integration/integration-filter';
export * from './integration/to-integration-event';

// unsubscribe
export * from './unsubscribe/unsubscribe-plan';
export * from './unsubscribe/unsubscribe-token';
export * from './unsubscribe/unsubscribe.service';

// privacy center: footer links, sign-in links and mails, sessions
export * from './privacy-center/privacy-center-link-token';
export * from './privacy-center/privacy-center-links';
export * from './privacy-center/privacy-center-sessions';
export * from './privacy-center/privacy-center-sign-in';
export * from './privacy-center/sign-in-mail-template';
export * from './privacy-center/sign-in-tokens';
export * from './signed-token';

// double opt-in mail
export * from './mail/doi-mail-outbox';
export * from './mail/doi-mail-template';
export * from './mail/mail-transport';

// webhooks
export * from './webhooks/backoff';
export * from './webhooks/dead-letters';
export * from './webhooks/delivery-progress';
export * from './webhooks/guarded-lookup';
export * from './webhooks/webhook-dispatcher';
export * from './webhooks/webhook-registry';
export * from './webhooks/webhook-secret';
export * from './webhooks/webhook-sender';
export * from './webhooks/webhook-signature';
export * from './webhooks/webhook-target';
export * from './webhooks/webhook-worker';

// workers and module
export * from './journeys.module';
export * from './subscription-loop';
export * from './versioned-writer';
