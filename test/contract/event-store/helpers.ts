import { randomUUID } from 'node:crypto';
import type { EventData, EventStore, RecordedEvent } from '#event-store';

/** The contract opens one store for all its tests; each test reaches it through this getter. */
export type StoreGetter = () => EventStore;

/** A name no other test or run uses: the KurrentDB run shares one server between runs. */
export function unique(label: string): string {
  return `ct-${label}-${randomUUID().replace(/-/g, '')}`;
}

export function eventsOf(type: string, count: number, extra: Record<string, unknown> = {}): EventData[] {
  return Array.from({ length: count }, (_, i) => ({ type, data: { i, ...extra }, metadata: { n: i } }));
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function positions(events: readonly RecordedEvent[]): number[] {
  return events.map((e) => e.position);
}

export function expectStrictlyIncreasing(values: readonly number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
}

/** Rejections of Promise.allSettled, for races where exactly one caller may win. */
export function rejections(results: PromiseSettledResult<unknown>[]): unknown[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
}
