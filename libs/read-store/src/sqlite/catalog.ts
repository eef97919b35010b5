import type Database from 'better-sqlite3';
import { ReadStoreUsageError } from '../errors';
import { checkCollection, checkIndex, indexName } from '../names';
import type { IndexSpec } from '../read-store.port';
import { buildIndex } from './index-build';
import { createIndexTableSql, indexTable, type IndexTable } from './index-table';
import { q, StatementCache } from './sql';

/**
 * The (position, id) key serves `changes`; as a constraint its index is created, renamed and dropped
 * with the table, so a rebuild's swap never leaves it behind under the staged name.
 */
const CHANGE_KEY = 'UNIQUE (position, id)';

function docTableSql(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${q(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL, ${CHANGE_KEY})`;
}

/**
 * Which collections and index tables exist. Every writer maintains every declared index, also one
 * in a process that never called ensureIndexes: the declarations live in the file (`_indexes`), and
 * the cache reloads whenever PRAGMA schema_version shows another connection changed the schema.
 */
export class Catalog {
  readonly sql: StatementCache;
  private version = -1;
  private collections = new Set<string>();
  private indexes = new Map<string, IndexTable[]>();
  private schemaVersion: Database.Statement | undefined;

  constructor(readonly db: Database.Database) {
    this.sql = new StatementCache(db);
  }

  refresh(): void {
    // Prepared once: db.pragma() prepares a statement on every call, and every read calls refresh().
    this.schemaVersion ??= this.db.prepare('PRAGMA schema_version').pluck();
    const version = this.schemaVersion.get() as number;
    if (version !== this.version) this.reload(version);
  }

  /** After a rollback the cache may list tables that no longer exist. */
  forget(): void {
    this.version = -1;
  }

  /** Known to exist as of the last schema check, and nothing this connection did since may have changed that. */
  knows(name: string): boolean {
    return this.version !== -1 && this.collections.has(name);
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  indexesOf(collection: string): IndexTable[] {
    return this.indexes.get(collection) ?? [];
  }

  ensureCollection(name: string): void {
    if (this.collections.has(checkCollection(name))) return;
    this.db.exec(docTableSql(name));
    this.collections.add(name);
  }

  /** A table created before the change key existed gets it as an index (a file kept across upgrades). */
  ensureChangeKey(collection: string): void {
    this.ensureCollection(collection);
    const sql = this.sql.get("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(collection);
    if (String(sql).includes(CHANGE_KEY)) return;
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${collection}$changes`)} ON ${q(collection)} (position, id)`);
  }

  /** Call inside a transaction: table, backfill and declaration land together. */
  ensureIndex(spec: IndexSpec): void {
    checkIndex(spec);
    this.ensureCollection(spec.collection);
    const existing = this.indexesOf(spec.collection).find((ix) => ix.name === indexName(spec.fields));
    if (existing && existing.unique === !!spec.unique) return;
    if (existing)
      throw new ReadStoreUsageError(`Index ${existing.name} on ${spec.collection} exists with other options`);
    const ix = indexTable(spec.collection, spec.fields, !!spec.unique);
    this.db.exec(createIndexTableSql(ix));
    buildIndex(this.sql, ix);
    this.sql
      .get('INSERT INTO _indexes (collection, fields, is_unique) VALUES (?, ?, ?)')
      .run(ix.collection, JSON.stringify(ix.fields), ix.unique ? 1 : 0);
    this.indexes.set(ix.collection, [...this.indexesOf(ix.collection), ix]);
  }

  dropCollection(name: string): void {
    for (const ix of this.indexesOf(name)) this.db.exec(`DROP TABLE IF EXISTS ${q(ix.table)}`);
    this.db.exec(`DROP TABLE IF EXISTS ${q(name)}`);
    this.sql.get('DELETE FROM _indexes WHERE collection = ?').run(name);
    this.forget();
  }

  /** Moves a collection and its index tables to a new name; the target must not exist. */
  renameCollection(from: string, to: string): void {
    for (const ix of this.indexesOf(from)) {
      this.db.exec(`ALTER TABLE ${q(ix.table)} RENAME TO ${q(indexTable(to, ix.fields, ix.unique).table)}`);
    }
    this.db.exec(`ALTER TABLE ${q(from)} RENAME TO ${q(to)}`);
    this.sql.get('UPDATE _indexes SET collection = ? WHERE collection = ?').run(to, from);
    this.forget();
  }

  private reload(version: number): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    this.collections = new Set(tables.filter((t) => !t.startsWith('_') && !t.includes('$')));
    const rows = this.db.prepare('SELECT collection, fields, is_unique FROM _indexes').all() as {
      collection: string;
      fields: string;
      is_unique: number;
    }[];
    this.indexes = new Map();
    for (const row of rows) {
      const ix = indexTable(row.collection, JSON.parse(row.fields) as string[], row.is_unique === 1);
      this.indexes.set(row.collection, [...this.indexesOf(row.collection), ix]);
    }
    this.version = version;
    this.sql.clear();
  }
}
