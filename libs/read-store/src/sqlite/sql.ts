import type Database from 'better-sqlite3';

/** Names are validated before they get here; quoting still keeps `$` and `,` in side-table names legal. */
export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Prepares each SQL text once; SQLite re-prepares by itself when the schema changes under it. */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  /** Statements naming dropped tables would fail; forgetting them all is simpler than tracking. */
  clear(): void {
    this.cache.clear();
  }
}
