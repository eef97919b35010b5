export { SqliteReadStore } from './sqlite-read-store';
