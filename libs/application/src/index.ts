/** #application: use cases: command and query handlers per feature, over the ports; no config, no store wiring, no runtime machinery. */

// write side: executor, codecs, idempotency
export * from './commands/command-context';
export * from './commands/command-executor';
export * from './commands/command-input';
export * from './commands/command-result';
export * from './commands/event-codec';
export * from './commands/events-appended.event';
export * from './commands/idempotency';
export { KeyedLock } from './commands/keyed-lock';

// write side module
export * from './ledger.module';

// subjects
export * from './subjects/block.commands';
export * from './subjects/consent.commands';
export * from './subjects/double-opt-in-token';
export * from './subjects/double-opt-in.commands';
export * from './subjects/profile.commands';
export * from './subjects/subject-codec';
export * from './subjects/subject-command-handlers';
export * from './subjects/subject-command-runner';
export * from './subjects/subject-history.query';

// topics
export * from './topics/topic-command-handlers';
export * from './topics/topic-command-runner';
export * from './topics/topic-views';
export * from './topics/topic.commands';

// privacy: erasure, export, requests, retention
export * from './privacy/dsr.commands';
export * from './privacy/erase-subject.command';
export * from './privacy/erased-subjects';
export * from './privacy/erasure-codec';
export * from './privacy/export-document';
export * from './privacy/legal-hold.commands';
export * from './privacy/privacy.module';
export * from './privacy/reconcile-erasures';
export * from './privacy/reconcile-on-start';
export * from './privacy/request-queue.query';
export * from './privacy/retention-sweep';
export * from './privacy/subject-eraser';
export * from './privacy/subject-export.command';
export * from './privacy/topic-records';

// audit: checkpoints, verification, receipts
export * from './audit/anchor-decider';
export * from './audit/anchor-file';
export * from './audit/audit.module';
export * from './audit/audit.queries';
export * from './audit/checkpoint-list';
export * from './audit/checkpoint-service';
export * from './audit/consent-receipt';
export * from './audit/subject-verification';
export * from './audit/tokens';

// history
export * from './history/describe-event';
export * from './history/event-time';
export * from './history/labels';
export * from './history/subject-state-at';
export * from './history/subject-timeline';
export * from './history/topic-at';

// input limits
export * from './input/json-nesting';

// privacy center: the person's own page
export * from './privacy-center/email-directory';
export * from './privacy-center/privacy-center-overview';
export * from './privacy-center/privacy-center-view';
export * from './privacy-center/privacy-center.module';
export * from './privacy-center/self-service-act';
export * from './privacy-center/self-service-consents';
export * from './privacy-center/self-service-rights';
