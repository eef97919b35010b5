import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { progressForLog } from './progress-for-log';

describe('progressForLog (sqlite log)', () => {
  let dir: string;
  let log: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'progress-for-log-'));
    log = new SqliteEventStore(join(dir, 'events.sqlite'));
    await log.appendToStream(
      'subject-a',
      Array.from({ length: 10 }, (_, i) => ({ type: 'Noted', data: { i } })),
      'no_stream',
    );
  });
  afterEach(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const eventAt = async (position: number) => (await log.readAll({ after: position - 1, maxCount: 1 }))[0]!;

  it('keeps progress whose anchor is the log’s event at that position', async () => {
    const anchor = { position: 8, eventId: (await eventAt(8)).id };
    const snapshot = { watermark: 6, doneAbove: [8], anchor };
    expect(await progressForLog(log, snapshot)).toEqual({ snapshot });
  });

  it('cuts progress beyond the head back to the head (a restored older log): done stays done, nothing above it', async () => {
    const snapshot = { watermark: 7, doneAbove: [9, 12], anchor: { position: 14, eventId: 'of-the-newer-log' } };
    const checked = await progressForLog(log, snapshot);
    expect(checked.reason).toMatch(/beyond the log's head 10; resuming from the head/);
    expect(checked.snapshot).toEqual({
      watermark: 7,
      doneAbove: [9],
      anchor: { position: 10, eventId: (await eventAt(10)).id },
    });
    expect(await progressForLog(log, checked.snapshot)).toEqual({ snapshot: checked.snapshot });
  });

  it('starts again from the beginning when the anchor event differs (old and new events cannot be told apart)', async () => {
    const checked = await progressForLog(log, {
      watermark: 9,
      doneAbove: [],
      anchor: { position: 9, eventId: 'of-another-log' },
    });
    expect(checked.reason).toMatch(/delivering again from the start of the log/);
    expect(checked.snapshot).toEqual({ watermark: 0, doneAbove: [] });
  });

  it('checks progress from before anchors against the head only', async () => {
    expect(await progressForLog(log, { watermark: 9, doneAbove: [] })).toEqual({
      snapshot: { watermark: 9, doneAbove: [] },
    });
    const checked = await progressForLog(log, { watermark: 15, doneAbove: [17] });
    expect(checked.snapshot).toMatchObject({ watermark: 10, doneAbove: [] });
  });
});
