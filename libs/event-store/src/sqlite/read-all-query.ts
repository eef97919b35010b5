import type Database from 'better-sqlite3';
import type { EventFilter } from '../event-store.port';
import { EVENT_COLUMNS, type EventRow } from './statements';

/** No limit, in SQLite's LIMIT syntax. */
export const NO_LIMIT = -1;

function whereFor(prefixes: number, types: number): string {
  const parts = ['position > ?'];
  if (prefixes > 0 || types > 0) parts.push("substr(stream, 1, 1) <> '$'");
  if (prefixes > 0) parts.push(`(${Array(prefixes).fill('substr(stream, 1, length(?)) = ?').join(' OR ')})`);
  if (types > 0) parts.push(`type IN (${Array(types).fill('?').join(', ')})`);
  return parts.join(' AND ');
}

/**
 * Reads of the global log. One prepared statement per filter shape (number of prefixes and types),
 * cached, so a subscription's pages reuse the same statement.
 */
export class ReadAllQuery {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  read(after: number, maxCount: number, filter: EventFilter | undefined): EventRow[] {
    const prefixes = filter?.streamPrefixes ?? [];
    const types = filter?.eventTypes ?? [];
    const params: unknown[] = [after];
    for (const p of prefixes) params.push(p, p);
    params.push(...types, maxCount);
    return this.statement(prefixes.length, types.length).all(...params) as EventRow[];
  }

  private statement(prefixes: number, types: number): Database.Statement {
    const key = `${prefixes}/${types}`;
    let st = this.cache.get(key);
    if (!st) {
      st = this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${whereFor(prefixes, types)} ORDER BY position LIMIT ?`,
      );
      this.cache.set(key, st);
    }
    return st;
  }
}
