import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { MachineInfo } from './machine';
import { renderTable, type Row } from './report';

/** What `npm run bench` writes to bench/results.json (see main.ts). */
export interface Results {
  machine: MachineInfo;
  rows: Row[];
  loadAverageAfter: number[];
  minutes: number;
  commit?: string;
  options: { runs: number; scales: number[]; only: string[] };
}

export const TABLE_START =
  '<!-- bench:recorded-run:start (npm run bench:render writes this part from bench/results.json) -->';
export const TABLE_END = '<!-- bench:recorded-run:end -->';

/** The commit the bench runs at, marked when the tree has uncommitted changes. */
export function currentCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return undefined;
  }
}

/** The recorded run's facts and its table, as they stand between the markers. */
export function renderRecordedRun(results: Results): string {
  const m = results.machine;
  const runs = results.options.runs;
  return [
    `- ${m.time.slice(0, 10)}, from ${m.time.slice(11, 16)} UTC for ${results.minutes} minutes, at commit ${results.commit ?? 'unknown'};`,
    `  parts ${results.options.only.join(', ')}; scales ${results.options.scales.map((s) => s.toLocaleString('en-US')).join(', ')} subjects; medians of ${runs} runs.`,
    `- Machine: ${m.nproc} x ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Node ${m.node}, disk ${m.disk}.`,
    `- Load average (1, 5, 15 min) before **${m.loadAverage.join(' ')}**, after **${results.loadAverageAfter.join(' ')}**.`,
    '',
    renderTable(results.rows),
  ].join('\n');
}

/** Replaces what stands between the markers of `markdown`; the prose around stays as written. */
export function replaceBetweenMarkers(markdown: string, body: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md lacks the markers ${TABLE_START} ... ${TABLE_END}`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${body}\n${markdown.slice(end)}`;
}

/** `npm run bench:render [-- --results=... --markdown=...]`. */
export function renderIntoMarkdown(resultsFile: string, markdownFile: string): void {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  const markdown = readFileSync(markdownFile, 'utf8');
  writeFileSync(markdownFile, replaceBetweenMarkers(markdown, renderRecordedRun(results)));
}
