export { ensurePrivateFile, makePrivateFolders, PRIVATE_FILE, PRIVATE_FOLDER } from './private-files';
export {
  BUSY_TIMEOUT_MS,
  configureSqlite,
  openSqliteFile,
  type SqliteFileSpec,
  type SqlitePragmas,
} from './open-sqlite-file';
export { truncateWal } from './wal';
