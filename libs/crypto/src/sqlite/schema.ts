import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 1;
export const OWN_TABLES = ['data_keys', 'tombstones', 'system_keys'] as const;

// WITHOUT ROWID keeps each row in its primary-key b-tree only: one place for secure_delete to wipe.
const DDL = `
CREATE TABLE IF NOT EXISTS data_keys (
  subject_id TEXT PRIMARY KEY,
  key_id TEXT NOT NULL,
  master_key_id TEXT NOT NULL,
  wrapped BLOB NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS data_keys_by_master ON data_keys (master_key_id);
CREATE TABLE IF NOT EXISTS tombstones (
  subject_id TEXT PRIMARY KEY,
  destroyed_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS system_keys (
  name TEXT NOT NULL,
  master_key_id TEXT NOT NULL,
  blob BLOB NOT NULL,
  PRIMARY KEY (name, master_key_id)
) WITHOUT ROWID;
`;

export function tableNames(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  return rows.map((r) => r.name);
}

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(DDL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
