import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import { killAllChildren, spawnFixture } from './sqlite-children';

interface Ack {
  stream: string;
  revision: number;
  position: number;
  count: number;
}

const dir = mkdtempSync(join(tmpdir(), 'ledger-es-crash-'));
const file = join(dir, 'events.sqlite');
afterEach(killAllChildren);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parseAcks(lines: readonly string[]): Ack[] {
  return lines
    .filter((l) => l.startsWith('ack '))
    .map((l) => {
      const [, stream, revision, position, count] = l.split(' ');
      return { stream: stream!, revision: Number(revision), position: Number(position), count: Number(count) };
    });
}

/** Runs the append loop, kills it with SIGKILL mid-run and returns what it had acknowledged. */
async function appendUntilKilled(prefix: string): Promise<Ack[]> {
  const child = spawnFixture('es-append-loop-child.js', [file, prefix, '6']);
  await child.waitFor('300 acknowledged appends', (lines) => lines.length > 300);
  // A little further, so the kill lands at no particular point of a commit.
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
  child.process.kill('SIGKILL');
  await child.exited;
  return parseAcks(child.lines);
}

/** Every append is whole: its events carry one seq, k = 0..count-1, at consecutive revisions. */
function expectWholeAppends(events: readonly RecordedEvent[]): void {
  let i = 0;
  for (let seq = 0; i < events.length; seq++) {
    const count = events[i]!.data.count as number;
    const group = events.slice(i, i + count);
    expect(group.map((e) => [e.data.seq, e.data.k])).toEqual(Array.from({ length: count }, (_, k) => [seq, k]));
    i += count;
  }
}

function expectAcknowledgedOnce(acks: readonly Ack[], byStream: Map<string, RecordedEvent[]>): void {
  for (const ack of acks) {
    const events = byStream.get(ack.stream) ?? [];
    const appended = events.slice(ack.revision - ack.count + 1, ack.revision + 1);
    expect(appended.map((e) => e.revision)).toEqual(
      Array.from({ length: ack.count }, (_, k) => ack.revision - ack.count + 1 + k),
    );
    expect(appended.map((e) => e.position)).toEqual(
      Array.from({ length: ack.count }, (_, k) => ack.position - ack.count + 1 + k),
    );
    expect(appended.every((e) => e.data.count === ack.count)).toBe(true);
  }
}

async function verifyAfterCrash(prefix: string, acks: readonly Ack[]): Promise<void> {
  const store = new SqliteEventStore(file);
  try {
    const log = await store.readAll();
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of log.filter((x) => x.stream.startsWith(prefix))) {
      byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
    }
    for (const events of byStream.values()) {
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expectWholeAppends(events);
    }
    expectAcknowledgedOnce(acks, byStream);
  } finally {
    await store.close();
  }
}

describe('SqliteEventStore crash safety', () => {
  it('keeps every acknowledged append exactly once and nothing partial after SIGKILL, twice over', async () => {
    for (const prefix of ['crash-a', 'crash-b']) {
      const acks = await appendUntilKilled(prefix);
      expect(acks.length).toBeGreaterThan(300);
      expect(acks.some((a) => a.count === 10)).toBe(true);
      await verifyAfterCrash(prefix, acks);
    }
  });
});
