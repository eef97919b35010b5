import { randomBytes } from 'node:crypto';
import { MongoReadStore, type ReadStore } from '#read-store';
import { readStoreContract } from './read-store.contract';

const uri = process.env.MONGODB_URI;
const SKIPPED = 'mongodb read-store contract skipped: MONGODB_URI is not set';

/** The same server, another database: `mongodb://h/x?opts` -> `mongodb://h/<name>?opts`. */
function withDatabase(base: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(base);
  if (!match) throw new Error('MONGODB_URI is not a mongodb:// or mongodb+srv:// URI');
  return `${match[1]}/${name}${match[2] ?? ''}`;
}

if (uri) {
  // A database of its own per run, dropped afterwards: runs sharing a server never meet.
  const database = `read_store_contract_${randomBytes(6).toString('hex')}`;
  readStoreContract(
    'mongodb',
    () => MongoReadStore.connect(withDatabase(uri, database)),
    async (store: ReadStore) => {
      await (store as MongoReadStore).db.dropDatabase();
      await store.close();
    },
  );
} else {
  describe('mongodb read-store contract', () => {
    // Said once, so that a green run without the server is not mistaken for a tested adapter.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}
