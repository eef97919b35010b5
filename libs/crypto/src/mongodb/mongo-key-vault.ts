import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import { KeyVaultError } from '../errors';
import type { InsertOutcome, KeyVault, SystemRecord, WrappedDataKey } from '../key-vault.port';

interface KeyDoc extends Omit<WrappedDataKey, 'subjectId'> {
  _id: string;
}
interface TombstoneDoc {
  _id: string;
  destroyedAt: string;
}
interface SystemDoc extends SystemRecord {
  _id: string;
}

const DUPLICATE_KEY = 11000;
const toRecord = ({ _id, ...rest }: KeyDoc): WrappedDataKey => ({ subjectId: _id, ...rest });
const systemId = (r: SystemRecord): string => `${r.name}:${r.masterKeyId}`;

function isDuplicate(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
}

/**
 * The production key vault: collection `data_keys` (one document per subject, `_id` = subject id),
 * `data_key_tombstones`, `vault_system_keys`. Without multi-document transactions, ordering keeps
 * the tombstone rule: destroy writes the tombstone before deleting, insert checks for a tombstone
 * after inserting and withdraws its own key when it finds one.
 */
export class MongoKeyVault implements KeyVault {
  private readonly keys: Collection<KeyDoc>;
  private readonly tombstones: Collection<TombstoneDoc>;
  private readonly systems: Collection<SystemDoc>;

  private constructor(
    db: Db,
    private readonly client?: MongoClient,
  ) {
    this.keys = db.collection<KeyDoc>('data_keys', { promoteBuffers: true });
    this.tombstones = db.collection<TombstoneDoc>('data_key_tombstones');
    this.systems = db.collection<SystemDoc>('vault_system_keys', { promoteBuffers: true });
  }

  /** Uses a database owned by the caller; close() then leaves the client open. */
  static async fromDb(db: Db): Promise<MongoKeyVault> {
    const vault = new MongoKeyVault(db);
    await vault.keys.createIndex({ masterKeyId: 1 });
    return vault;
  }

  /** Connects to MONGODB_URI; the database is the one named in the URI unless `dbName` is given. */
  static async connect(uri: string, dbName?: string): Promise<MongoKeyVault> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    try {
      await client.connect();
      const vault = new MongoKeyVault(client.db(dbName), client);
      await vault.keys.createIndex({ masterKeyId: 1 });
      return vault;
    } catch (err) {
      await client.close();
      throw new KeyVaultError(
        `Cannot reach the MongoDB key vault: ${err instanceof Error ? err.message : String(err)}`,
        'MONGODB_URI',
      );
    }
  }

  async findDataKey(subjectId: string): Promise<WrappedDataKey | undefined> {
    const doc = await this.keys.findOne({ _id: subjectId });
    return doc === null ? undefined : toRecord(doc);
  }

  async findDataKeys(subjectIds: readonly string[]): Promise<WrappedDataKey[]> {
    if (subjectIds.length === 0) return [];
    return (await this.keys.find({ _id: { $in: [...subjectIds] } }).toArray()).map(toRecord);
  }

  async insertDataKey(record: WrappedDataKey): Promise<InsertOutcome> {
    if (await this.isDestroyed(record.subjectId)) return { status: 'erased' };
    const { subjectId, ...rest } = record;
    try {
      await this.keys.insertOne({ _id: subjectId, ...rest });
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const existing = await this.findDataKey(subjectId);
      return existing ? { status: 'exists', record: existing } : { status: 'erased' };
    }
    if (!(await this.isDestroyed(subjectId))) return { status: 'inserted', record };
    await this.keys.deleteOne({ _id: subjectId, keyId: record.keyId });
    return { status: 'erased' };
  }

  async destroyDataKeys(subjectIds: readonly string[], destroyedAt: string): Promise<string[]> {
    if (subjectIds.length === 0) return [];
    await this.tombstones.bulkWrite(
      subjectIds.map((id) => ({
        updateOne: { filter: { _id: id }, update: { $setOnInsert: { destroyedAt } }, upsert: true },
      })),
      { ordered: false },
    );
    const present = await this.keys.find({ _id: { $in: [...subjectIds] } }, { projection: { _id: 1 } }).toArray();
    const removed: string[] = [];
    for (const { _id } of present) {
      if ((await this.keys.deleteOne({ _id })).deletedCount > 0) removed.push(_id);
    }
    return removed;
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return (await this.tombstones.countDocuments({ _id: subjectId }, { limit: 1 })) > 0;
  }

  async listDataKeys(masterKeyId: string, limit: number): Promise<WrappedDataKey[]> {
    const docs = await this.keys.find({ masterKeyId }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map(toRecord);
  }

  async rewrapDataKey(
    subjectId: string,
    keyId: string,
    from: string,
    to: { masterKeyId: string; wrapped: Buffer },
  ): Promise<boolean> {
    const result = await this.keys.updateOne(
      { _id: subjectId, keyId, masterKeyId: from },
      { $set: { masterKeyId: to.masterKeyId, wrapped: to.wrapped } },
    );
    return result.modifiedCount > 0;
  }

  async countByMasterKey(): Promise<Map<string, number>> {
    const groups = await this.keys
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$masterKeyId', n: { $sum: 1 } } }])
      .toArray();
    return new Map(groups.map((g) => [g._id, g.n]));
  }

  async listSystemRecords(): Promise<SystemRecord[]> {
    const docs = await this.systems.find({}).toArray();
    return docs.map(({ name, masterKeyId, blob }) => ({ name, masterKeyId, blob }));
  }

  async putSystemRecord(record: SystemRecord): Promise<SystemRecord> {
    const _id = systemId(record);
    await this.systems.updateOne({ _id }, { $setOnInsert: { ...record } }, { upsert: true });
    const stored = (await this.systems.findOne({ _id }))!;
    return { name: stored.name, masterKeyId: stored.masterKeyId, blob: stored.blob };
  }

  async deleteSystemRecords(masterKeyId: string): Promise<void> {
    await this.systems.deleteMany({ masterKeyId });
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}
