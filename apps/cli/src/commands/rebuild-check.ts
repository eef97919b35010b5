import type { Command } from 'commander';
import { BlindIndexDeriver, discardScratch, readAllDocuments, rebuildIntoScratch } from '#projection-runtime';
import { loadConfig, openInfrastructure, type Infrastructure } from '#runtime';
import { canonicalJson } from '#audit';
import type { StoredDocument } from '#read-store';
import type { ReadModel } from '#projections';
import { isJson, out } from './audit-cli';

export interface DocumentDifference {
  model: string;
  collection: string;
  id: string;
  kind: 'only-live' | 'only-rebuilt' | 'different';
  live?: StoredDocument;
  rebuilt?: StoredDocument;
}

export interface ModelCheck {
  model: string;
  liveCheckpoint: number;
  documents: number;
  differences: number;
}

function compare(
  model: string,
  collection: string,
  live: StoredDocument[],
  rebuilt: StoredDocument[],
): DocumentDifference[] {
  const byId = new Map(live.map((doc) => [doc.id, doc]));
  const found: DocumentDifference[] = [];
  for (const doc of rebuilt) {
    const current = byId.get(doc.id);
    byId.delete(doc.id);
    if (!current) found.push({ model, collection, id: doc.id, kind: 'only-rebuilt', rebuilt: doc });
    else if (canonicalJson(current.doc) !== canonicalJson(doc.doc))
      found.push({ model, collection, id: doc.id, kind: 'different', live: current, rebuilt: doc });
  }
  for (const doc of byId.values()) found.push({ model, collection, id: doc.id, kind: 'only-live', live: doc });
  return found;
}

/** Replays each model into its scratch (staged) collections, compares with the live ones, discards the scratch. */
export async function checkModels(
  infra: Infrastructure,
  models: readonly ReadModel[],
): Promise<{ models: ModelCheck[]; differences: DocumentDifference[] }> {
  const deriver = new BlindIndexDeriver(infra.crypto, infra.eventStore);
  const deps = {
    eventStore: infra.eventStore,
    readStore: infra.readStore,
    derive: (e: Parameters<BlindIndexDeriver['derive']>[0]) => deriver.derive(e),
  };
  const checks: ModelCheck[] = [];
  const differences: DocumentDifference[] = [];
  for (const model of models) {
    const liveCheckpoint = await infra.readStore.getCheckpoint(model.name);
    const scratch = await rebuildIntoScratch(deps, model);
    try {
      let documents = 0;
      const before = differences.length;
      for (const [collection, rebuilt] of scratch) {
        documents += rebuilt.length;
        differences.push(
          ...compare(model.name, collection, await readAllDocuments(infra.readStore, collection), rebuilt),
        );
      }
      checks.push({ model: model.name, liveCheckpoint, documents, differences: differences.length - before });
    } finally {
      await discardScratch(infra.readStore, model);
    }
  }
  return { models: checks, differences };
}

/** `ledger rebuild --check`: changes nothing live; exit 1 when any document differs. */
export async function rebuildCheckAction(program: Command, models: readonly ReadModel[]): Promise<void> {
  const json = isJson(program);
  const infra = await openInfrastructure(loadConfig(), (line) => json || process.stderr.write(`${line}\n`));
  try {
    const result = await checkModels(infra, models);
    if (json) out(JSON.stringify(result));
    else {
      for (const m of result.models)
        out(
          `${m.model}: ${m.documents} documents rebuilt, ${m.differences} differences (live checkpoint ${m.liveCheckpoint})`,
        );
      for (const d of result.differences.slice(0, 20)) out(`  ${d.kind}: ${d.model}/${d.collection}/${d.id}`);
    }
    process.exitCode = result.differences.length === 0 ? 0 : 1;
  } finally {
    await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
  }
}
