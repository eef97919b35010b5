export { MongoReadStore } from './mongo-read-store';
export { databaseName as mongoDatabaseName, redactUri as redactMongoUri } from './mongo-connect';
