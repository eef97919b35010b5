/** #import: bulk import pipeline: files read as records, run through the subject decider as live commands. */

// records
export * from './import-record';
export * from './record-keys';
export { IMPORT_ACTOR } from './record-preparer';

// reading files
export { readCsv } from './read-csv';
export { readNdjson } from './read-ndjson';

// running an import
export * from './import-deps';
export * from './import-report';
export * from './import-runner';
export { TopicCatalog } from './topic-catalog';
