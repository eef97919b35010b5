export { EsdbEventStore } from './esdb-event-store';
export { redactConnectionString } from './esdb-errors';
