export { KurrentDbEventStore } from './kurrentdb-event-store';
export { redactConnectionString } from './kurrentdb-errors';
