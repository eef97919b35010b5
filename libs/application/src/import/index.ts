export * from './import-record';
export * from './import-report';
export * from './import-runner';
export { IMPORT_ACTOR } from './record-preparer';
export * from './record-keys';
export { readNdjson } from './read-ndjson';
export { readCsv } from './read-csv';
export { TopicCatalog } from './topic-catalog';
