import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, SqliteEventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'ledger-es-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract(
  'sqlite',
  async () => new SqliteEventStore(join(dir, 'events.sqlite')),
  (store: EventStore) => store.close(),
);
