import { createReadStream, openSync, closeSync, fstatSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CommandExecutor, SubjectCodec } from '#application';
import { loadConfig, openInfrastructure, RequestKeys, type Infrastructure } from '#runtime';
import { runImport, type ImportFormat, type ImportProgress, type ImportReport } from '#import';

export interface ImportFileOptions {
  format?: ImportFormat;
  dryRun?: boolean;
  sourceSystem?: string;
  concurrency?: number;
  onProgress?: (progress: ImportProgress, totalBytes: number) => void;
}

/** `.csv` is CSV, anything else NDJSON unless --format says otherwise. */
export function formatOf(file: string, given?: string): ImportFormat {
  if (given !== undefined && given !== 'csv' && given !== 'ndjson')
    throw new Error(`--format must be ndjson or csv, got "${given}"`);
  return (given as ImportFormat | undefined) ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson');
}

/** Fails with one clear line before any store is opened when the file cannot be read at all. */
export function checkReadable(file: string): number {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    return stat.size;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`cannot read ${file}: ${reason}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Imports one file and writes `<file>.report.json` beside it (also for a dry run). */
export async function importFile(
  infra: Infrastructure,
  file: string,
  options: ImportFileOptions = {},
): Promise<ImportReport> {
  const totalBytes = checkReadable(file);
  const deps = {
    executor: new CommandExecutor(infra.eventStore, { cachedStreams: infra.config.caches.streamCacheSize }),
    eventStore: infra.eventStore,
    codec: new SubjectCodec(infra.crypto),
    domain: infra.config.domain,
    keys: RequestKeys.load(infra.config),
  };
  const report = await runImport(deps, createReadStream(file), {
    format: formatOf(file, options.format),
    dryRun: options.dryRun,
    sourceSystem: options.sourceSystem,
    concurrency: options.concurrency,
    onProgress: options.onProgress && ((progress) => options.onProgress!(progress, totalBytes)),
  });
  writeFileSync(`${file}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

const rate = (p: ImportProgress) => Math.round(p.records / Math.max(p.elapsedMs / 1000, 0.001));

/** A bar over the bytes read on a terminal (records/s, ETA); plain lines every few seconds otherwise. */
function progressReporter(json: boolean): { onProgress: ImportFileOptions['onProgress']; done: () => void } {
  if (json) return { onProgress: undefined, done: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: 'import [{bar}] {percentage}% | {records} records | {rate} records/s | ETA {eta_formatted}',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: (p, total) => {
        if (!started) bar.start(Math.max(total, 1), 0, { records: 0, rate: 0 }), (started = true);
        bar.update(p.bytes, { records: p.records, rate: rate(p) });
      },
      done: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    onProgress: (p, total) => {
      if (Date.now() - last < 2000) return;
      last = Date.now();
      process.stderr.write(
        `import: ${p.records} records (${Math.round((100 * p.bytes) / Math.max(total, 1))}% of the file), ${rate(p)} records/s\n`,
      );
    },
    done: () => undefined,
  };
}

/** The summary and the first refusals; the report file lists them all. */
export function summaryLines(report: ImportReport, file: string): string[] {
  const lines = [
    `${report.dryRun ? 'dry run, nothing written: ' : ''}${report.records} records: ${report.imported} ${report.dryRun ? 'would be imported' : 'imported'}, ${report.duplicates} skipped as duplicates, ${report.refused} refused (${report.recordsPerSecond} records/s)`,
  ];
  for (const r of report.refusals.slice(0, 20))
    lines.push(`  line ${r.line}${r.field ? ` field ${r.field}` : ''}: ${r.code} ${r.reason}`);
  if (report.refused > 20) lines.push(`  … ${report.refused - 20} more refusals`);
  lines.push(`report: ${file}.report.json`);
  return lines;
}

export function register(program: Command): void {
  program
    .command('import <file>')
    .description(
      'import subjects, consents, revocations, objections and blocks from NDJSON or CSV (docs/import-format.md)',
    )
    .option('--format <format>', 'ndjson or csv (default: from the file extension)')
    .option('--dry-run', 'decide every record and report, append nothing')
    .option('--source <system>', 'source system for records that name none')
    .option('--concurrency <n>', 'subjects in flight at once', (v) => Number(v))
    .action(
      async (file: string, opts: { format?: string; dryRun?: boolean; source?: string; concurrency?: number }) => {
        const json = Boolean(program.opts().json);
        const format = formatOf(file, opts.format);
        checkReadable(file);
        const infra = await openInfrastructure(loadConfig(), (line) => json || process.stderr.write(`${line}\n`));
        const reporter = progressReporter(json);
        try {
          const report = await importFile(infra, file, {
            format,
            dryRun: opts.dryRun,
            sourceSystem: opts.source,
            concurrency: opts.concurrency,
            onProgress: reporter.onProgress,
          });
          reporter.done();
          if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else process.stdout.write(`${summaryLines(report, file).join('\n')}\n`);
          // 1 = differences found: some records were refused (see the report); 0 = all imported or already there.
          if (report.refused > 0) process.exitCode = 1;
        } finally {
          await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
        }
      },
    );
}
