export * from './integration-event';
export * from './to-integration-event';
export * from './integration-filter';
export * from './cloud-event';
