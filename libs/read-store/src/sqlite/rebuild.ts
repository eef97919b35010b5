import { RebuildNotCaughtUpError } from '../errors';
import { checkCollection, checkProjection, stagedModel } from '../names';
import type { ReadModelSpec, SwapOptions } from '../read-store.port';
import { readCheckpoint, readCheckpointMark, writeCheckpoint } from './batch-commit';
import type { Catalog } from './catalog';

function inTransaction(catalog: Catalog, work: () => void): void {
  try {
    catalog.db
      .transaction(() => {
        catalog.refresh();
        work();
      })
      .immediate();
  } catch (err) {
    catalog.forget();
    throw err;
  } finally {
    catalog.sql.clear();
  }
}

function dropModel(catalog: Catalog, model: ReadModelSpec): void {
  for (const c of model.collections) catalog.dropCollection(checkCollection(c));
  catalog.sql.get('DELETE FROM _checkpoints WHERE projection = ?').run(checkProjection(model.projection));
}

export function reset(catalog: Catalog, model: ReadModelSpec): void {
  inTransaction(catalog, () => dropModel(catalog, model));
}

/**
 * Starts from empty staging collections, so an abandoned earlier rebuild leaves nothing behind.
 * Their side tables wait for the swap (or an ensureIndexes): built then in one sorted pass, where
 * maintaining them per write rewrote random index pages in every staged commit.
 */
export function beginRebuild(catalog: Catalog, model: ReadModelSpec): ReadModelSpec {
  const staged = stagedModel(model);
  inTransaction(catalog, () => {
    dropModel(catalog, staged);
    for (const c of staged.collections) catalog.ensureCollection(c);
  });
  return staged;
}

/** One transaction: readers see either the old read model or the rebuilt one, never a mix. */
export function swapRebuild(catalog: Catalog, model: ReadModelSpec, options: SwapOptions = {}): void {
  const staged = stagedModel(model);
  inTransaction(catalog, () => {
    const live = readCheckpoint(catalog, model.projection);
    const rebuilt = readCheckpointMark(catalog, staged.projection);
    if (rebuilt.position < live && !options.replace)
      throw new RebuildNotCaughtUpError(model.projection, rebuilt.position, live);
    for (const ix of staged.indexes) catalog.ensureIndex(ix);
    dropModel(catalog, model);
    catalog.refresh();
    model.collections.forEach((c, i) => {
      catalog.ensureCollection(staged.collections[i]!);
      catalog.renameCollection(staged.collections[i]!, c);
      catalog.refresh();
    });
    catalog.sql.get('DELETE FROM _checkpoints WHERE projection = ?').run(staged.projection);
    writeCheckpoint(catalog, model.projection, rebuilt.position, rebuilt.eventId);
  });
}
