export * from './read-store.port';
export * from './operational-store.port';
export * from './errors';
export { indexName, stagedModel, stagedName, DEFAULT_LIMIT, MAX_LIMIT } from './names';
export * from './sqlite';
export * from './mongodb';
