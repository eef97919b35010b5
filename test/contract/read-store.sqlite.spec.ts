import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, type ReadStore } from '#read-store';
import { readStoreContract } from './read-store.contract';

const dirs: string[] = [];

readStoreContract(
  'sqlite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
    dirs.push(dir);
    return SqliteReadStore.open(join(dir, 'read.sqlite'));
  },
  async (store: ReadStore) => {
    await store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  },
);
