import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../options';
import type { Row } from '../report';
import { median, repeat } from '../stats';
import { concurrentProbe, concurrentRate, sequentialRate } from './append-runs';
import { emmettAppender, emmettRetries, oursAppender, rawAppender } from './contenders';
import type { Appender } from './workload';

type Rate = (appender: Appender, tag: string) => Promise<number>;

type Make = (dir: string) => Appender;

async function once(make: Make, rate: Rate, run: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-append-'));
  const appender = make(dir);
  try {
    return await rate(appender, `subject-r${run}`);
  } finally {
    await appender.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Events/s of each contender, every run on a fresh file. The contenders take turns within each
 * run, so a burst of load from elsewhere on the machine hits them alike.
 */
async function measure(makers: readonly Make[], rate: Rate, options: BenchOptions): Promise<number[][]> {
  const results: number[][] = makers.map(() => []);
  await repeat(options.runs, async (run) => {
    for (const [i, make] of makers.entries()) results[i]!.push(await once(make, rate, run));
  });
  return results;
}

/** Emmett logs failed transactions with console.log; the probe's expected failures stay off the table. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

function appendRow(
  figure: string,
  ours: number[],
  raw: number[],
  peer: number | null,
  extra: { floor?: number; note?: string },
): Row {
  const o = median(ours);
  const r = median(raw);
  const checks = [
    o >= 0.5 * r,
    peer === null ? true : o >= 10 * peer,
    extra.floor === undefined ? true : o >= extra.floor,
  ];
  const target = [
    '>= 50% of limit',
    peer === null ? undefined : '>= 10x peer',
    extra.floor ? `>= ${extra.floor.toLocaleString('en-US')} ev/s` : undefined,
  ];
  return {
    section: 'durable append',
    figure,
    unit: 'events/s',
    ours: o,
    reference: { label: 'raw better-sqlite3', value: r },
    peer: { label: 'Emmett SQLite', value: peer },
    target: target.filter(Boolean).join(', '),
    met: checks.every(Boolean),
    note: `${Math.round((o / r) * 100)}% of limit${peer ? `, ${(o / peer).toFixed(1)}x peer` : ''}${extra.note ? `; ${extra.note}` : ''}`,
    samples: ours,
  };
}

const label = (batch: number) => (batch === 1 ? 'single events' : 'batches of 10');

/** The peer's failures under concurrent appends, which is why it is measured sequentially only. */
async function emmettConcurrencyNote(): Promise<string> {
  const probe = await quietly(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-probe-'));
    try {
      return await concurrentProbe(emmettAppender(dir), 20, 'subject-probe');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return `peer measured sequentially: ${probe.failed} of 20 concurrent Emmett appends failed (${probe.error ?? 'none'})`;
}

export async function appendBench(options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const peerBest: number[] = [];
  for (const batch of [1, 10]) {
    log(`append: sequential, batches of ${batch}`);
    const seq: Rate = (a, tag) => sequentialRate(a, batch, options.seconds, tag);
    const [ours, raw, peer] = await quietly(() => measure([oursAppender, rawAppender, emmettAppender], seq, options));
    peerBest.push(median(peer!));
    const retried =
      emmettRetries.busy > 0
        ? `Emmett: ${emmettRetries.busy} appends refused with SQLITE_BUSY and tried again`
        : undefined;
    emmettRetries.busy = 0;
    rows.push(appendRow(`${label(batch)}, 1 caller (sequential)`, ours!, raw!, median(peer!), { note: retried }));
  }
  const note = `limit = the 100 callers' appends in one transaction; ${await emmettConcurrencyNote()}`;
  for (const [i, batch] of [1, 10].entries()) {
    log(`append: 100 concurrent callers, batches of ${batch}`);
    const conc: Rate = (a, tag) => concurrentRate(a, batch, options.seconds, tag);
    const [ours, raw] = await measure([oursAppender, rawAppender], conc, options);
    rows.push(
      appendRow(`${label(batch)}, 100 concurrent callers (group commit)`, ours!, raw!, peerBest[i]!, {
        floor: 20_000,
        note,
      }),
    );
  }
  return rows;
}
