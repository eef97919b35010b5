/** #runtime: configuration and store wiring: the one place adapters are chosen. */

// configuration
export * from './config/app-config';
export * from './config/audit-settings';
export * from './config/domain-settings';
export * from './config/event-store-connection';
export * from './config/journey-settings';
export * from './config/access-settings';
export * from './config/privacy-center-settings';
export * from './config/privacy-settings';
export * from './config/projection-settings';
export * from './config/cache-settings';

// logging
export * from './logging/create-logger';
export * from './logging/log-format';

// tracing
export { batchTrace } from './tracing/batch-trace';
export { inSpan } from './tracing/in-span';
export { startTracing, type Tracing } from './tracing/start-tracing';
export {
  ATTR_COMMAND,
  ATTR_EVENT_COUNT,
  ATTR_EVENT_TYPES,
  ATTR_POSITION,
  ATTR_REVISION,
  ATTR_STREAM_CATEGORY,
  streamCategory,
} from './tracing/span-attributes';
export { ATTR_ATTEMPTS, ATTR_ERROR_TYPE, ATTR_WEBHOOK } from './tracing/span-attributes';
export { ATTR_READ_MODEL } from './tracing/span-attributes';
export { activeTraceHeaders } from './tracing/trace-context';
export { contextOf, traceOf } from './tracing/trace-context';

// store wiring
export * from './infrastructure/data-dir';
export * from './infrastructure/erased-key-eviction';
export * from './infrastructure/infrastructure.module';
export * from './infrastructure/open-event-store';
export * from './infrastructure/open-infrastructure';
export * from './infrastructure/open-key-vault';
export * from './infrastructure/open-read-store';
export * from './infrastructure/open-signing-key';
export * from './infrastructure/tokens';

// keys derived from the master key
export * from './keys/journey-keys';
export * from './keys/request-keys';
export * from './keys/uuid-from-bytes';
