import type Database from 'better-sqlite3';
import { truncateWal } from '#sqlite';
import { KeyVaultError } from '../errors';
import type { InsertOutcome, KeyVault, SystemRecord, WrappedDataKey } from '../key-vault.port';
import { InsertBatcher } from './insert-batcher';
import { openVaultDatabase } from './open-vault-database';

interface KeyRow {
  subject_id: string;
  key_id: string;
  master_key_id: string;
  wrapped: Buffer;
  created_at: string;
}

const KEY_COLUMNS = 'subject_id, key_id, master_key_id, wrapped, created_at';

function toRecord(row: KeyRow): WrappedDataKey {
  return {
    subjectId: row.subject_id,
    keyId: row.key_id,
    masterKeyId: row.master_key_id,
    wrapped: row.wrapped,
    createdAt: row.created_at,
  };
}

/** The embedded key vault: `<DATA_DIR>/keys.sqlite`, its own file so it can be backed up and wiped apart from the log. */
export class SqliteKeyVault implements KeyVault {
  private readonly sql;
  private readonly inserts: InsertBatcher<WrappedDataKey, InsertOutcome>;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.sql = {
      find: db.prepare<[string], KeyRow>(`SELECT ${KEY_COLUMNS} FROM data_keys WHERE subject_id = ?`),
      findMany: db.prepare<[string], KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM data_keys WHERE subject_id IN (SELECT value FROM json_each(?))`,
      ),
      insert: db.prepare(`INSERT OR IGNORE INTO data_keys (${KEY_COLUMNS}) VALUES (?, ?, ?, ?, ?)`),
      tombstone: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM tombstones WHERE subject_id = ?'),
      addTombstone: db.prepare('INSERT OR IGNORE INTO tombstones (subject_id, destroyed_at) VALUES (?, ?)'),
      delete: db.prepare('DELETE FROM data_keys WHERE subject_id = ?'),
      list: db.prepare<[string, number], KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM data_keys WHERE master_key_id = ? ORDER BY subject_id LIMIT ?`,
      ),
      rewrap: db.prepare(
        'UPDATE data_keys SET master_key_id = ?, wrapped = ? WHERE subject_id = ? AND key_id = ? AND master_key_id = ?',
      ),
      count: db.prepare<[], { id: string; n: number }>(
        'SELECT master_key_id AS id, COUNT(*) AS n FROM data_keys GROUP BY master_key_id',
      ),
      systems: db.prepare<[], { name: SystemRecord['name']; master_key_id: string; blob: Buffer }>(
        'SELECT name, master_key_id, blob FROM system_keys',
      ),
      putSystem: db.prepare('INSERT OR IGNORE INTO system_keys (name, master_key_id, blob) VALUES (?, ?, ?)'),
      getSystem: db.prepare<[string, string], { blob: Buffer }>(
        'SELECT blob FROM system_keys WHERE name = ? AND master_key_id = ?',
      ),
      deleteSystem: db.prepare('DELETE FROM system_keys WHERE master_key_id = ?'),
    };
    this.inserts = new InsertBatcher(db, (r) => this.insertOne(r));
  }

  /** Throws KeyVaultError (setting DATA_DIR) when the file cannot be opened or is not a key vault. */
  static open(file: string): SqliteKeyVault {
    return new SqliteKeyVault(openVaultDatabase(file), file);
  }

  async findDataKey(subjectId: string): Promise<WrappedDataKey | undefined> {
    const row = this.live().sql.find.get(subjectId);
    return row && toRecord(row);
  }

  async findDataKeys(subjectIds: readonly string[]): Promise<WrappedDataKey[]> {
    if (subjectIds.length === 0) return [];
    return this.live().sql.findMany.all(JSON.stringify(subjectIds)).map(toRecord);
  }

  insertDataKey(record: WrappedDataKey): Promise<InsertOutcome> {
    return this.live().inserts.submit(record);
  }

  async destroyDataKeys(subjectIds: readonly string[], destroyedAt: string): Promise<string[]> {
    const removed = this.live()
      .db.transaction(() =>
        subjectIds.filter((id) => {
          this.sql.addTombstone.run(id, destroyedAt);
          return this.sql.delete.run(id).changes > 0;
        }),
      )
      .immediate();
    if (removed.length > 0) this.truncateWal();
    return removed;
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return this.live().sql.tombstone.get(subjectId) !== undefined;
  }

  async listDataKeys(masterKeyId: string, limit: number): Promise<WrappedDataKey[]> {
    return this.live().sql.list.all(masterKeyId, limit).map(toRecord);
  }

  async rewrapDataKey(
    subjectId: string,
    keyId: string,
    from: string,
    to: { masterKeyId: string; wrapped: Buffer },
  ): Promise<boolean> {
    const { changes } = this.live().sql.rewrap.run(to.masterKeyId, to.wrapped, subjectId, keyId, from);
    // The old wrapping was overwritten in place (secure_delete); the WAL still holds it until truncated.
    if (changes > 0) this.truncateWal();
    return changes > 0;
  }

  async countByMasterKey(): Promise<Map<string, number>> {
    return new Map(
      this.live()
        .sql.count.all()
        .map((r) => [r.id, r.n]),
    );
  }

  async listSystemRecords(): Promise<SystemRecord[]> {
    return this.live()
      .sql.systems.all()
      .map((r) => ({ name: r.name, masterKeyId: r.master_key_id, blob: r.blob }));
  }

  async putSystemRecord(record: SystemRecord): Promise<SystemRecord> {
    this.live().sql.putSystem.run(record.name, record.masterKeyId, record.blob);
    return { ...record, blob: this.sql.getSystem.get(record.name, record.masterKeyId)!.blob };
  }

  async deleteSystemRecords(masterKeyId: string): Promise<void> {
    if (this.live().sql.deleteSystem.run(masterKeyId).changes > 0) this.truncateWal();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.inserts.flush();
    this.closed = true;
    this.db.close();
  }

  /** A destroyed key must not wait in the WAL for a checkpoint (Art. 17). */
  private truncateWal(): void {
    if (!truncateWal(this.db))
      throw new KeyVaultError(
        `The key vault ${this.file} could not truncate its WAL (another connection is reading); destroyed keys may remain on disk until the next checkpoint`,
        'DATA_DIR',
      );
  }

  /** Runs inside the batch's transaction: the tombstone check and the insert are one atomic step. */
  private insertOne(r: WrappedDataKey): InsertOutcome {
    if (this.sql.tombstone.get(r.subjectId)) return { status: 'erased' };
    const { changes } = this.sql.insert.run(r.subjectId, r.keyId, r.masterKeyId, r.wrapped, r.createdAt);
    if (changes === 1) return { status: 'inserted', record: r };
    return { status: 'exists', record: toRecord(this.sql.find.get(r.subjectId)!) };
  }

  private live(): this {
    if (this.closed) throw new KeyVaultError(`The key vault ${this.file} is closed`, 'DATA_DIR');
    return this;
  }
}
