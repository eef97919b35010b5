import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig, openEventStore, type AppConfig } from '#runtime';
import type { EventStore } from '#event-store';

/** Shared by the audit commands (verify, checkpoints, history, state-at): output mode and the store. */
export function isJson(program: Command): boolean {
  return Boolean(program.opts().json);
}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Only the event store: auditors' commands need neither the key vault nor the read store. */
export async function withEventStore<T>(
  json: boolean,
  work: (store: EventStore, config: AppConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const store = await openEventStore(config, (line) => json || process.stderr.write(`${line}\n`));
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** A bar on a terminal; plain lines at most once a second otherwise; nothing in JSON mode. */
export function progressOnStderr(
  json: boolean,
  label: string,
): { update: (done: number, total: number, events: number) => void; stop: () => void } {
  if (json) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const rate = (events: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}`,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (done, total, events) => {
        if (!begun) bar.start(total, 0, { events: 0, rate: 0 }), (begun = true);
        bar.setTotal(total);
        bar.update(done, { events, rate: rate(events) });
      },
      stop: () => begun && bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (done, total, events) => {
      if (Date.now() - last < 1000 && done < total) return;
      last = Date.now();
      process.stderr.write(`${label}: position ${done} of ${total}, ${events} events, ${rate(events)} events/s\n`);
    },
    stop: () => undefined,
  };
}

/** Left-aligned columns for the human tables. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}
