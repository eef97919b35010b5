/*
 * Import throughput into the embedded store (issue 10): generates an NDJSON file of N records
 * (default 1,000,000; never committed), imports it through the same path as `ledger import`, and
 * prints records/s and peak RSS. Run: node -r ./test/fixtures/swc-register.js bench/import.bench.ts [--records N] [--reimport] [--json]
 * (`--json`: one JSON line of the runs instead of the table; `npm run bench` reads it, see bench/src/import).
 */
import { createWriteStream, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandExecutor, SubjectCodec } from '#application';
import { loadConfig, openInfrastructure, RequestKeys } from '#runtime';
import { runImport, type ImportReport } from '#import';
import { defineTopics, generatedSubject } from '../test/integration/import-support';

const arg = (name: string) => process.argv.indexOf(name);
const records = arg('--records') > 0 ? Number(process.argv[arg('--records') + 1]) : 1_000_000;
const reimport = arg('--reimport') > 0;
const json = arg('--json') > 0;
const log = (line: string) => process.stderr.write(`[import-bench] ${line}\n`);

async function generate(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i * 4 < count; i++) {
    const lines = generatedSubject(i)
      .slice(0, count - i * 4)
      .map((record) => `${JSON.stringify(record)}\n`)
      .join('');
    if (!out.write(lines)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function timedImport(
  deps: Parameters<typeof runImport>[0],
  file: string,
): Promise<{ report: ImportReport; peakRssMiB: number }> {
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const report = await runImport(deps, createReadStream(file), {
    format: 'ndjson',
    concurrency: process.env.IMPORT_CONCURRENCY ? Number(process.env.IMPORT_CONCURRENCY) : undefined,
    onProgress: (p) => p.records % 100_000 < 1_000 && log(`${p.records} records`),
  });
  clearInterval(sample);
  return { report, peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
  try {
    const file = join(dir, 'records.ndjson');
    await generate(file, records);
    log(`generated ${records} records, ${Math.round(statSync(file).size / 1048576)} MiB`);
    const infra = await openInfrastructure(
      loadConfig({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' }),
      () => undefined,
    );
    const executor = new CommandExecutor(infra.eventStore);
    await defineTopics(executor, infra.config.domain.channels);
    const deps = {
      executor,
      eventStore: infra.eventStore,
      codec: new SubjectCodec(infra.crypto),
      domain: infra.config.domain,
      keys: RequestKeys.load(infra.config),
    };
    const rows: Array<[string, Awaited<ReturnType<typeof timedImport>>]> = [['import', await timedImport(deps, file)]];
    if (reimport) rows.push(['re-import (all duplicates)', await timedImport(deps, file)]);
    await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
    if (json) {
      const runs = rows.map(([name, { report: r, peakRssMiB }]) => ({ name, ...r, peakRssMiB }));
      process.stdout.write(`${JSON.stringify({ runs })}\n`);
      return;
    }
    process.stdout.write(
      '| run | records | imported | duplicates | refused | records/s | peak RSS |\n|---|---|---|---|---|---|---|\n',
    );
    for (const [name, { report: r, peakRssMiB }] of rows) {
      process.stdout.write(
        `| ${name} | ${r.records} | ${r.imported} | ${r.duplicates} | ${r.refused} | ${r.recordsPerSecond} | ${peakRssMiB} MiB |\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`import bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
