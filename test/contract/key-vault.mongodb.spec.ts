import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoKeyVault } from '#crypto';
import { keyVaultContract } from './key-vault.contract';

const uri = process.env.MONGODB_URI;
const SKIPPED = 'mongodb key-vault contract skipped: MONGODB_URI is not set';

if (uri) {
  // One client for the run; every test gets its own database, dropped afterwards.
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  afterAll(() => client.close());
  const databases = new Map<MongoKeyVault, string>();
  keyVaultContract(
    'mongodb',
    async () => {
      const name = `kv_ct_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const vault = await MongoKeyVault.fromDb(client.db(name));
      databases.set(vault, name);
      return vault;
    },
    async (vault) => {
      await client.db(databases.get(vault as MongoKeyVault)).dropDatabase();
    },
  );
} else {
  describe('mongodb key-vault contract', () => {
    // Said once, so that a green run without a server is not mistaken for a tested adapter.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}
