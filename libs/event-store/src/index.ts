export * from './event-store.port';
export * from './errors';
export * from './kurrentdb';
export * from './sqlite';
