import type { RecordKind, RecordRefusal } from './import-record';

export type ImportFormat = 'ndjson' | 'csv';
export type RecordOutcome = 'imported' | 'duplicate';

export interface KindCounts {
  imported: number;
  duplicates: number;
  refused: number;
}

/** What an import did: written to `<input>.report.json`, answered by POST /imports. */
export interface ImportReport {
  runId: string;
  format: ImportFormat;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  elapsedMs: number;
  records: number;
  imported: number;
  /** Already in the ledger (same record key, or a command that would change nothing). */
  duplicates: number;
  refused: number;
  recordsPerSecond: number;
  byKind: Record<string, KindCounts>;
  /** Sorted by line; at most MAX_LISTED_REFUSALS, `refusalsNotListed` counts the rest. */
  refusals: RecordRefusal[];
  refusalsNotListed: number;
}

export interface ImportProgress {
  records: number;
  bytes: number;
  imported: number;
  duplicates: number;
  refused: number;
  elapsedMs: number;
}

/** Keeps the report's memory bounded however many lines a broken export refuses. */
export const MAX_LISTED_REFUSALS = 10_000;

export class ReportBuilder {
  private readonly started = Date.now();
  private readonly startedAt = new Date(this.started).toISOString();
  private readonly byKind: Record<string, KindCounts> = {};
  private readonly refusals: RecordRefusal[] = [];
  private notListed = 0;
  readonly totals = { records: 0, imported: 0, duplicates: 0, refused: 0 };
  bytes = 0;

  constructor(
    private readonly runId: string,
    private readonly format: ImportFormat,
    private readonly dryRun: boolean,
  ) {}

  outcome(kind: RecordKind, outcome: RecordOutcome): void {
    const counts = this.kind(kind);
    this.totals.records++;
    if (outcome === 'imported') counts.imported++, this.totals.imported++;
    else counts.duplicates++, this.totals.duplicates++;
  }

  refuse(refusal: RecordRefusal): void {
    this.totals.records++;
    this.totals.refused++;
    if (refusal.kind !== undefined) this.kind(refusal.kind).refused++;
    if (this.refusals.length < MAX_LISTED_REFUSALS) this.refusals.push(refusal);
    else this.notListed++;
  }

  progress(): ImportProgress {
    return { ...this.totals, bytes: this.bytes, elapsedMs: Date.now() - this.started };
  }

  build(): ImportReport {
    const elapsedMs = Date.now() - this.started;
    return {
      runId: this.runId,
      format: this.format,
      dryRun: this.dryRun,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      elapsedMs,
      ...this.totals,
      recordsPerSecond: Math.round(this.totals.records / Math.max(elapsedMs / 1000, 0.001)),
      byKind: this.byKind,
      refusals: [...this.refusals].sort((a, b) => a.line - b.line),
      refusalsNotListed: this.notListed,
    };
  }

  private kind(kind: string): KindCounts {
    return (this.byKind[kind] ??= { imported: 0, duplicates: 0, refused: 0 });
  }
}
