import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { isUnreadable, type RawRecord } from './import-record';
import { ReportBuilder, type ImportFormat, type ImportProgress, type ImportReport } from './import-report';
import { readCsv } from './read-csv';
import { readNdjson } from './read-ndjson';
import { RecordPreparer, type PreparedRecord } from './record-preparer';
import { SubjectBatchWriter } from './subject-batch-writer';
import { refusalOf } from './refusal-field';
import { UnitWaves, type Unit } from './unit-waves';
import type { ImportDeps } from './import-deps';

export interface ImportOptions {
  format: ImportFormat;
  dryRun?: boolean;
  /** Fills a record's missing sourceSystem. */
  sourceSystem?: string;
  /** Subjects decided and committed together in one wave (one subject's records always run in file order). */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

const MAX_UNIT = 100;
const PROGRESS_EVERY = 1_000;
/** Subjects a wave by default: 1,024 gave 1.2 to 2x the records/s of 256 (fewer fsyncs) for about 60 MiB more RSS. */
const WAVE_SUBJECTS = 1_024;

/**
 * Streams the file and runs each record through the subject decider as a live command. Each
 * record's Idempotency-Key is derived from its content, so a second run, or a run after a crash,
 * replays what was applied and appends only what was not.
 */
export async function runImport(deps: ImportDeps, input: Readable, options: ImportOptions): Promise<ImportReport> {
  const runId = randomUUID();
  const report = new ReportBuilder(runId, options.format, options.dryRun === true);
  const processUnit = unitProcessor(deps, report, options, runId);
  const waves = new UnitWaves(options.concurrency ?? WAVE_SUBJECTS, processUnit);
  let unit: Unit<RawRecord> | undefined;
  let seen = 0;
  const read = options.format === 'csv' ? readCsv : readNdjson;
  for await (const item of read(input, (bytes) => (report.bytes += bytes))) {
    if (waves.failed) break;
    if (++seen % PROGRESS_EVERY === 0) options.onProgress?.(report.progress());
    if (isUnreadable(item)) {
      report.refuse(item.refusal);
      continue;
    }
    const key = subjectKey(item, options.sourceSystem);
    if (unit?.key === key && unit.records.length < MAX_UNIT) unit.records.push(item);
    else unit && (await waves.add(unit)), (unit = { key, records: [item] });
  }
  if (unit && !waves.failed) await waves.add(unit);
  await waves.drain();
  options.onProgress?.(report.progress());
  return report.build();
}

function subjectKey(item: RawRecord, sourceSystem: string | undefined): string {
  return `${String(item.fields.sourceSystem ?? sourceSystem)}\u001f${String(item.fields.externalId)}`;
}

function unitProcessor(deps: ImportDeps, report: ReportBuilder, options: ImportOptions, runId: string) {
  const preparer = new RecordPreparer(deps, runId, options.sourceSystem);
  const writer = new SubjectBatchWriter(deps.executor, deps.eventStore, deps.codec, options.dryRun);
  return async (records: RawRecord[]): Promise<void> => {
    const prepared = await Promise.all(records.map((record) => preparer.prepare(record)));
    for (const p of prepared) if ('error' in p) report.refuse(refusalOf(p.error, p.line, p.kind));
    for (const [subjectId, group] of bySubject(prepared)) {
      const results = await writer.apply(subjectId, group);
      results.forEach((result, i) =>
        typeof result === 'string'
          ? report.outcome(group[i].kind, result)
          : report.refuse(refusalOf(result, group[i].line, group[i].kind)),
      );
    }
  };
}

type Decidable = Exclude<PreparedRecord, { error: unknown }>;

/** The records that can be decided, grouped by subject, each group in file order. */
function bySubject(prepared: readonly PreparedRecord[]): Map<string, Decidable[]> {
  const groups = new Map<string, Decidable[]>();
  for (const p of prepared) {
    if ('error' in p) continue;
    const group = groups.get(p.subjectId);
    if (group) group.push(p);
    else groups.set(p.subjectId, [p]);
  }
  return groups;
}
