import Database from 'better-sqlite3';
import { join } from 'node:path';
import { BlindIndexDeriver, rebuildModels } from '#projection-runtime';
import type { Infrastructure } from '#runtime';
import { READ_MODELS } from '#projections';

export interface RebuildFigure {
  /** Log events per second of wall time, each counted once however many models it feeds. */
  eventsPerSecond: number;
  /** How many read models the log fed. */
  models: number;
  /** Reading and parsing the same log with better-sqlite3 alone: the floor of any rebuild. */
  rawReadPerSecond: number;
}

/** `ledger rebuild` of every read model through the engine's helper: one read of the log, staged, then swapped. */
export async function rebuildAll(infra: Infrastructure): Promise<RebuildFigure> {
  const deriver = new BlindIndexDeriver(infra.crypto, infra.eventStore);
  const deps = {
    eventStore: infra.eventStore,
    readStore: infra.readStore,
    derive: (e: Parameters<BlindIndexDeriver['derive']>[0]) => deriver.derive(e),
    prepare: (batch: Parameters<BlindIndexDeriver['prepare']>[0]) => deriver.prepare(batch),
  };
  const head = await infra.eventStore.headPosition();
  const started = performance.now();
  const { batchSize, rebuildDocuments: maxDocuments } = infra.config.projections;
  await rebuildModels(deps, READ_MODELS, { batchSize, maxDocuments });
  const seconds = (performance.now() - started) / 1000;
  return {
    eventsPerSecond: head / seconds,
    models: READ_MODELS.length,
    rawReadPerSecond: rawRead(join(infra.config.dataDir, 'events.sqlite')),
  };
}

function rawRead(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 1000');
    const started = performance.now();
    let after = 0,
      n = 0;
    for (
      let rows = page.all(after) as Array<{ position: number; data: string; metadata: string }>;
      rows.length > 0;
      rows = page.all(after) as never
    ) {
      for (const r of rows) JSON.parse(r.data), JSON.parse(r.metadata);
      n += rows.length;
      after = rows[rows.length - 1]!.position;
    }
    return n / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}
