/*
 * What a rebuild of every read model costs per log event (issue #20 item 5), on a data folder
 * seeded once and kept, so before/after runs of the same log can be alternated on a loaded machine.
 * Seed:  node -r ./test/fixtures/swc-register.js bench/rebuild-cost.ts seed <dir> <subjects>
 * Run:   node -r ./test/fixtures/swc-register.js bench/rebuild-cost.ts run <dir> [runs]
 * Each run is `ledger rebuild` of every model (staged, then swapped); it prints wall log events/s
 * and the process's CPU time (user + system) per log event.
 */
import { BlindIndexDeriver, rebuildModels } from '#projection-runtime';
import { READ_MODELS } from '#projections';
import { readFileSync } from 'node:fs';
import { loadConfig, openInfrastructure, type Infrastructure } from '#runtime';
import { seed } from './src/seed/seed';

async function withInfra(dir: string, work: (infra: Infrastructure) => Promise<void>): Promise<void> {
  const infra = await openInfrastructure(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }), () => undefined);
  try {
    await work(infra);
  } finally {
    await infra.eventStore.close();
    await infra.readStore.close();
    await infra.keyVault.close();
  }
}

/** Bytes this process passed to write(2) so far (Linux): the page writes, independent of the machine's load. */
function writtenBytes(): number {
  try {
    return Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

async function run(infra: Infrastructure, runs: number): Promise<void> {
  const events = await infra.eventStore.headPosition();
  for (let i = 0; i < runs; i++) {
    const deriver = new BlindIndexDeriver(infra.crypto, infra.eventStore);
    const deps = {
      eventStore: infra.eventStore,
      readStore: infra.readStore,
      derive: deriver.derive.bind(deriver),
      prepare: deriver.prepare.bind(deriver),
    };
    const written = writtenBytes();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { batchSize, rebuildDocuments: maxDocuments } = infra.config.projections;
    await rebuildModels(deps, READ_MODELS, { batchSize, maxDocuments });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuUs = (used.user + used.system) / events;
    const mib = (writtenBytes() - written) / 2 ** 20;
    console.log(
      `run ${i + 1}: ${events} events, ${Math.round(events / seconds)} log events/s, ${cpuUs.toFixed(1)} µs CPU/event, ${mib.toFixed(0)} MiB written`,
    );
  }
}

async function main(): Promise<void> {
  const [command, dir, arg] = process.argv.slice(2);
  if (!dir || (command !== 'seed' && command !== 'run')) throw new Error('usage: rebuild-cost.ts seed|run <dir> [n]');
  if (command === 'seed') {
    await withInfra(dir, async (infra) => {
      const seeded = await seed(infra, Number(arg ?? 10_000), console.log);
      console.log(`seeded ${seeded.events} events into ${dir}`);
    });
  } else {
    await withInfra(dir, (infra) => run(infra, Number(arg ?? 3)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
