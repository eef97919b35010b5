import { writeFileSync } from 'node:fs';
import { round } from './stats';

/** A figure of ours beside what it is measured against in the same run. */
export interface Row {
  section: string;
  figure: string;
  unit: string;
  ours: number | null;
  /** The limit (raw better-sqlite3, bare Fastify, raw log read). */
  reference?: { label: string; value: number | null };
  /** Another product doing the same job (Emmett). */
  peer?: { label: string; value: number | null };
  target?: string;
  met?: boolean;
  note?: string;
  /** Every run's value, for results.json. */
  samples?: number[];
}

function shown(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${round(value, digits).toLocaleString('en-US')}${unit}`;
}

function verdict(row: Row): string {
  if (row.met === undefined) return row.target ? 'n/a' : '';
  return row.met ? 'met' : '**missed**';
}

/** One markdown table for stdout and BENCHMARKS.md. */
export function renderTable(rows: readonly Row[]): string {
  const head = ['Section', 'Figure', 'Ours', 'Reference (limit)', 'Peer', 'Target', 'Verdict', 'Note'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const ref = r.reference ? `${shown(r.reference.value)} (${r.reference.label})` : '';
    const peer = r.peer ? `${shown(r.peer.value)} (${r.peer.label})` : '';
    const cells = [
      r.section,
      r.figure,
      `${shown(r.ours)} ${r.unit}`,
      ref,
      peer,
      r.target ?? '',
      verdict(r),
      r.note ?? '',
    ];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function writeResults(file: string, machine: object, rows: readonly Row[], extra: object): void {
  writeFileSync(file, `${JSON.stringify({ machine, rows, ...extra }, null, 2)}\n`);
}
