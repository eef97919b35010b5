import type { ReadStore } from '#read-store';
import { documentsContract } from './read-store.contract-documents';
import { batchesContract } from './read-store.contract-batches';
import { queriesContract } from './read-store.contract-queries';
import { rebuildContract } from './read-store.contract-rebuild';
import { marksContract } from './read-store.contract-marks';
import { rangesContract } from './read-store.contract-ranges';
import { changesContract } from './read-store.contract-changes';

/**
 * One suite for every ReadStore adapter: the same tests and assertions. Each test uses fresh
 * collection and projection names, so tests stay independent on a shared server.
 */
export function readStoreContract(
  name: string,
  open: () => Promise<ReadStore>,
  dispose?: (store: ReadStore) => Promise<void>,
): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore | undefined;
    const getStore = (): ReadStore => {
      if (!store) throw new Error('store not opened');
      return store;
    };

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      if (!store) return;
      if (dispose) await dispose(store);
      else await store.close();
    });

    documentsContract(getStore);
    batchesContract(getStore);
    queriesContract(getStore);
    rebuildContract(getStore);
    marksContract(getStore);
    rangesContract(getStore);
    changesContract(getStore);
  });
}
