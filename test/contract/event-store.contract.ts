import type { EventStore } from '#event-store';
import { appendContract } from './event-store/append.contract';
import { readContract } from './event-store/read.contract';
import { readStreamsContract } from './event-store/read-streams.contract';
import { streamAdminContract } from './event-store/stream-admin.contract';
import { subscribeContract } from './event-store/subscribe.contract';

/**
 * The EventStore contract: every adapter runs these same tests and assertions. Tests use fresh
 * stream names and start from headPosition(), because a shared server may hold other data.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  dispose: (store: EventStore) => Promise<void> = (store) => store.close(),
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore | undefined;
    const get = (): EventStore => {
      if (!store) throw new Error(`the ${name} store did not open`);
      return store;
    };

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      if (store) await dispose(store);
    });

    appendContract(get);
    readContract(get);
    readStreamsContract(get);
    subscribeContract(get);
    streamAdminContract(get);
  });
}
