import type { ReadStore } from '#read-store';
import type { ReadModel } from '#projections';
import { specOf, versionKey } from './projection-names';

/**
 * Before a runner starts: the model's indexes exist, and a model whose stored version differs
 * from its code is dropped so that it is rebuilt from position zero (its `apply` changed meaning).
 * The reset happens before the new version is recorded, so a crash between the two resets again.
 * Returns the checkpoint to resume from.
 */
export async function prepareModel(store: ReadStore, model: ReadModel, log: (line: string) => void): Promise<number> {
  const stored = await store.getCheckpoint(versionKey(model.name));
  const checkpoint = await store.getCheckpoint(model.name);
  if (stored !== model.version) {
    if (stored !== 0 || checkpoint !== 0) {
      log(
        `projection ${model.name}: stored version ${stored}, code version ${model.version}: rebuilding from position 0`,
      );
      await store.reset(specOf(model));
    }
    await store.setCheckpoint(versionKey(model.name), model.version);
  }
  await store.ensureIndexes(model.indexes);
  return store.getCheckpoint(model.name);
}
