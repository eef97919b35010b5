/** #projection-runtime: the projection runtime: runners, leases, progress, rebuild; used by apps/projector, the api and the CLI. */

// lease
export * from './projection-lease';

// progress and status
export * from './projection-progress';
export * from './runner-status';

// rebuild and replay
export * from './rebuild-model';
export * from './replay';

// process wiring
export * from './projection-engine';
export * from './projections.module';
export * from './thread/projection-thread-host';

// runner
export * from './batch-projector';
export * from './blind-index-deriver';
export * from './event-filter';
export * from './fold-batch';
export * from './foreign-model-watch';
export * from './log-membership';
export * from './lookup-keys';
export * from './prepare-model';
export * from './projection-names';
export * from './projection-runner';
