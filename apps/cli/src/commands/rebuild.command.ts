import { hostname } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import {
  BlindIndexDeriver,
  ProjectionLease,
  rebuildModels,
  type RebuildSummary,
  type ReplayProgress,
} from '#projection-runtime';
import { type Infrastructure, loadConfig, openInfrastructure } from '#runtime';
import { READ_MODELS, type ReadModel } from '#projections';
import { rebuildCheckAction } from './rebuild-check';

export interface RebuildRun {
  /** Model names; empty for all. */
  names: readonly string[];
  /** Called per progress step; the command draws a bar or prints lines with it. */
  onProgress?: (progress: ReplayProgress) => void;
  batchSize?: number;
}

export function selectModels(names: readonly string[], models: readonly ReadModel[] = READ_MODELS): ReadModel[] {
  if (names.length === 0) return [...models];
  const unknown = names.filter((n) => !models.some((m) => m.name === n));
  if (unknown.length > 0)
    throw new Error(`unknown read model ${unknown.join(', ')}; known: ${models.map((m) => m.name).join(', ')}`);
  return models.filter((m) => names.includes(m.name));
}

/**
 * Rebuilds the models from one read of the log into staged collections and swaps each when
 * caught up (see rebuildModels). Safe while the api or projector runs: their runner hands its lease over for the
 * swap and resumes from the rebuilt checkpoint.
 */
export async function runRebuild(
  infra: Infrastructure,
  run: RebuildRun,
  models: readonly ReadModel[] = READ_MODELS,
): Promise<RebuildSummary[]> {
  const deriver = new BlindIndexDeriver(infra.crypto, infra.eventStore);
  const deps = {
    eventStore: infra.eventStore,
    readStore: infra.readStore,
    derive: (e: Parameters<BlindIndexDeriver['derive']>[0]) => deriver.derive(e),
    prepare: (batch: Parameters<BlindIndexDeriver['prepare']>[0]) => deriver.prepare(batch),
  };
  const owner = `rebuild:${hostname()}:${process.pid}`;
  const ttl = infra.config.projections.leaseTtlMs;
  return rebuildModels(deps, selectModels(run.names, models), {
    batchSize: run.batchSize ?? infra.config.projections.batchSize,
    maxDocuments: infra.config.projections.rebuildDocuments,
    leaseOf: (model) => new ProjectionLease(infra.readStore, model.name, owner, ttl),
    onProgress: run.onProgress,
  });
}

function eventsPerSecond(s: RebuildSummary): number {
  return Math.round(s.events / Math.max(s.elapsedMs / 1000, 0.001));
}

/** A bar on a terminal (events/s, ETA); otherwise a plain line at most once a second. */
function progressReporter(json: boolean): { onProgress: (p: ReplayProgress) => void; done: () => void } {
  if (json) return { onProgress: () => undefined, done: () => undefined };
  const started = Date.now();
  const rate = (events: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: '{name} [{bar}] {percentage}% | {value}/{total} | {rate} events/s | ETA {eta_formatted}',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let current = '';
    return {
      onProgress: (p) => {
        if (p.name !== current)
          current && bar.stop(), bar.start(p.head, 0, { name: p.name, rate: 0 }), (current = p.name);
        bar.setTotal(p.head);
        bar.update(p.position, { name: p.name, rate: rate(p.events) });
      },
      done: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    onProgress: (p) => {
      if (Date.now() - last < 1000 && p.position < p.head) return;
      last = Date.now();
      process.stderr.write(
        `rebuild ${p.name}: position ${p.position} of ${p.head}, ${p.events} events, ${rate(p.events)} events/s\n`,
      );
    },
    done: () => undefined,
  };
}

export function register(program: Command): void {
  program
    .command('rebuild [names...]')
    .description('replay the log from position zero into fresh collections and switch over when caught up')
    .option(
      '--check',
      'rebuild into scratch collections and report differences from the live ones (exit 1 if any); changes nothing live',
    )
    .action(async (names: string[]) => {
      if (program.commands.find((c) => c.name() === 'rebuild')?.opts().check)
        return rebuildCheckAction(program, selectModels(names));
      const json = Boolean(program.opts().json);
      const config = loadConfig();
      selectModels(names);
      const infra = await openInfrastructure(config, (line) => json || process.stderr.write(`${line}\n`));
      const reporter = progressReporter(json);
      try {
        const summaries = await runRebuild(infra, { names, onProgress: reporter.onProgress });
        reporter.done();
        const rows = summaries.map((s) => ({ ...s, eventsPerSecond: eventsPerSecond(s) }));
        if (json) process.stdout.write(`${JSON.stringify({ rebuilt: rows })}\n`);
        else
          for (const r of rows)
            process.stdout.write(
              `rebuilt ${r.name} v${r.version}: ${r.events} events to position ${r.checkpoint} in ${r.elapsedMs} ms (${r.eventsPerSecond} events/s)\n`,
            );
      } finally {
        await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
      }
    });
}
