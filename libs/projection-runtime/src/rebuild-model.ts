import { type ReadStore, type StoredDocument, stagedModel } from '#read-store';
import type { ReadModel } from '#projections';
import { ProjectionLease } from './projection-lease';
import { specOf, stagedTarget, versionKey } from './projection-names';
import { replayInto, type ReplayDeps, type ReplayProgress } from './replay';

export interface RebuildOptions {
  batchSize: number;
  onProgress?: (progress: ReplayProgress) => void;
  /** Lease of the live runner: taken (with a handover request) for the final catch-up and swap. */
  lease?: ProjectionLease;
  /** Longest wait for the live runner to hand over. */
  handoverTimeoutMs?: number;
  /** The live model does not belong to the log (see logMismatch): swap although its checkpoint is ahead. */
  replace?: boolean;
  /** Documents held per model before a staged write (PROJECTION_REBUILD_DOCUMENTS). */
  maxDocuments?: number;
}

export interface RebuildSummary {
  name: string;
  version: number;
  events: number;
  checkpoint: number;
  elapsedMs: number;
}

/**
 * `ledger rebuild`: replays the whole log into staged collections while the live runner keeps
 * serving the old ones, then takes the model's lease (the live runner finishes its batch and
 * steps down), catches up with what was appended meanwhile, and swaps. The live runner resumes
 * from the staged checkpoint, so nothing appended during the rebuild is lost.
 */
export async function rebuildModel(
  deps: ReplayDeps,
  model: ReadModel,
  options: RebuildOptions,
): Promise<RebuildSummary> {
  const { lease, ...rest } = options;
  const [summary] = await rebuildModels(deps, [model], { ...rest, leaseOf: () => lease });
  return summary!;
}

/**
 * Rebuilds several models from one read of the log: each page is derived once and fed to every
 * model's staged collections; then each model in turn takes its lease, catches up and swaps.
 * A summary's `elapsedMs` runs from the start to that model's swap.
 */
export async function rebuildModels(
  deps: ReplayDeps,
  models: readonly ReadModel[],
  options: Omit<RebuildOptions, 'lease'> & { leaseOf?: (model: ReadModel) => ProjectionLease | undefined },
): Promise<RebuildSummary[]> {
  const started = Date.now();
  const first = await replayStaged(deps, models, options);
  // Before any lease is taken: the swap then only drops and renames while the live runner waits.
  for (const model of models) await deps.readStore.ensureIndexes(stagedModel(specOf(model)).indexes);
  const summaries: RebuildSummary[] = [];
  for (const model of models) {
    const lease = options.leaseOf?.(model);
    const last = await catchUpAndSwap(deps, model, first, { ...options, lease });
    summaries.push({ name: model.name, version: model.version, ...last, elapsedMs: Date.now() - started });
  }
  return summaries;
}

/** Under the model's lease: the events appended since the staged pass, then the swap. */
async function catchUpAndSwap(
  deps: ReplayDeps,
  model: ReadModel,
  first: { position: number; events: number },
  options: RebuildOptions,
): Promise<{ events: number; checkpoint: number }> {
  const lease = options.lease;
  if (lease) await takeLease(lease, options.handoverTimeoutMs ?? lease.ttlMs * 2 + 5_000);
  const renewal = lease ? setInterval(() => void lease.renew().catch(() => undefined), lease.ttlMs / 3) : undefined;
  try {
    const targets = [{ model, target: stagedTarget(model) }];
    const rest = await replayInto(deps, targets, first.position, { ...options, counted: first.events, stored: true });
    await deps.readStore.swapRebuild(specOf(model), { replace: options.replace });
    await deps.readStore.setCheckpoint(versionKey(model.name), model.version);
    return { events: rest.events, checkpoint: rest.position };
  } finally {
    clearInterval(renewal);
    await lease?.release();
  }
}

/** Empty staged collections, then the log from zero up to its current end, read once for every model. */
async function replayStaged(
  deps: ReplayDeps,
  models: readonly ReadModel[],
  options: Pick<RebuildOptions, 'batchSize' | 'maxDocuments' | 'onProgress'>,
) {
  for (const model of models) await deps.readStore.beginRebuild(specOf(model));
  const targets = models.map((model) => ({ model, target: stagedTarget(model) }));
  const replayed = await replayInto(deps, targets, 0, options);
  return replayed;
}

async function takeLease(lease: ProjectionLease, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await lease.tryAcquire())) {
    if (Date.now() > deadline)
      throw new Error(`the live runner of ${lease.name} did not hand over within ${timeoutMs} ms`);
    await lease.requestHandover();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * For `ledger rebuild --check` (issue 6): replays the log into the staged collections without
 * swapping and returns every staged document per collection, to compare with the live ones.
 * Call `discardScratch` afterwards.
 */
export async function rebuildIntoScratch(
  deps: ReplayDeps,
  model: ReadModel,
  batchSize = 500,
): Promise<Map<string, StoredDocument[]>> {
  await replayStaged(deps, [model], { batchSize });
  const target = stagedTarget(model);
  const result = new Map<string, StoredDocument[]>();
  for (const collection of model.collections)
    result.set(collection, await readAllDocuments(deps.readStore, target.collection(collection)));
  return result;
}

export async function discardScratch(store: ReadStore, model: ReadModel): Promise<void> {
  const staged = stagedTarget(model);
  await store.reset({
    projection: staged.projection,
    collections: model.collections.map(staged.collection),
    indexes: [],
  });
}

/** Every document of a collection in id order, page by page. */
export async function readAllDocuments(store: ReadStore, collection: string): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  let after: string | undefined;
  do {
    const page = await store.find(collection, {}, { after, limit: 1000 });
    all.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return all;
}
