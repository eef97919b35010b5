import { eventStoreConnection, KURRENTDB_CONNECTION_STRING, LEGACY_CONNECTION_STRING } from '#runtime';
import { KurrentDbEventStore, type EventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract';

// The same resolution as the app's: either variable, the former one with its old name.
const connection = eventStoreConnection(process.env);
const SKIPPED = `kurrentdb contract suite skipped: neither ${KURRENTDB_CONNECTION_STRING} nor ${LEGACY_CONNECTION_STRING} is set`;

if (connection) {
  // One server serves every test: the contract uses fresh stream names, and each store is closed
  // so that no gRPC stream outlives its test.
  eventStoreContract(
    'kurrentdb',
    () => KurrentDbEventStore.connect(connection.connectionString, connection.setting),
    (store: EventStore) => store.close(),
  );
} else {
  describe('kurrentdb contract', () => {
    // Said once, so that a green run without the server is not mistaken for a tested adapter.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}
