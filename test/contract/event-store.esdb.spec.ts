import { EsdbEventStore, type EventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const SKIPPED = 'esdb contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set';

if (connectionString) {
  // One server serves every test: the contract uses fresh stream names, and each store is closed
  // so that no gRPC stream outlives its test.
  eventStoreContract(
    'esdb',
    () => EsdbEventStore.connect(connectionString),
    (store: EventStore) => store.close(),
  );
} else {
  describe('esdb contract', () => {
    // Said once, so that a green run without the server is not mistaken for a tested adapter.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}
