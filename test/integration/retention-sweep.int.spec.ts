import { createHash } from 'node:crypto';
import {
  isSubjectStream,
  subjectDecider,
  subjectStreamName,
  topicDecider,
  topicStreamName,
  type SubjectCommand,
  type TopicCommand,
} from '#domain';
import { importedSubjectId } from '#import';
import { plainCodec, RetentionSweep, SubjectCodec, SubjectEraser } from '#application';
import { generatedSubject, ndjson, openImportFixture, type ImportFixture } from './import-support';

const SUBJECTS = 60;
const DAY = 86_400_000;
/**
 * The import records revocations at the real time, so the timeline starts once it is done: a
 * start taken before it (as this once was) put the sweeps before the imported events on a slow
 * machine, and their reviews came due a day later.
 */
let T = 0;
const at = (days: number) => new Date(T + days * DAY).toISOString();

/**
 * The privacy scheduler's sweep after a CRM import: the first pass reads every subject, later
 * passes only the subjects with new events and those whose retention review has come.
 */
describe('retention sweep over an imported CRM', () => {
  let fixture: ImportFixture;
  let sweep: RetentionSweep;
  let reads: jest.SpyInstance;

  beforeAll(async () => {
    fixture = await openImportFixture();
    expect(
      (await fixture.run(ndjson(Array.from({ length: SUBJECTS }, (_, i) => generatedSubject(i)).flat()))).refused,
    ).toBe(0);
    T = Date.now() + 1_000;
    sweep = newSweep(100 * 365 * DAY);
    reads = jest.spyOn(fixture.infra.eventStore, 'readStream');
  });
  afterAll(() => fixture.close());

  /** A sweep as a new process starts it; `fullPassEveryMs` as its constructor takes it. */
  function newSweep(fullPassEveryMs?: number): RetentionSweep {
    const { infra, executor } = fixture;
    const codec = new SubjectCodec(infra.crypto);
    const eraser = new SubjectEraser(executor, codec, infra.crypto, infra.config.domain.channels);
    return new RetentionSweep(infra.eventStore, executor, eraser, infra.crypto, fullPassEveryMs);
  }

  const streamsRead = () => new Set(reads.mock.calls.map(([stream]) => stream as string).filter(isSubjectStream));
  const revoke = (i: number, topicId: string) => {
    const command = {
      type: 'RevokeConsent',
      data: { topicId },
      metadata: { now: at(0), channels: fixture.infra.config.domain.channels, allowedProfileFields: [] },
    } as unknown as SubjectCommand;
    const stream = subjectStreamName(importedSubjectId(fixture.keys, 'bench-crm', `C-${i}`));
    return fixture.executor.execute({
      stream,
      decider: subjectDecider,
      command,
      codec: new SubjectCodec(fixture.infra.crypto),
      context: { actor: 'crm', now: at(0) },
    });
  };

  it('reads every subject once, then none while nothing changed and nothing is due', async () => {
    expect(await sweep.plan(at(0))).toEqual([]);
    expect(streamsRead().size).toBe(SUBJECTS);
    reads.mockClear();
    expect(await sweep.plan(at(0))).toEqual([]);
    expect(streamsRead().size).toBe(0);
  });

  it('judges a subject again when it has new events, and when its retention review comes, and erases it then', async () => {
    await revoke(1, 'newsletter');
    await revoke(1, 'events');
    reads.mockClear();
    expect(await sweep.plan(at(1))).toEqual([]);
    expect([...streamsRead()]).toEqual([subjectStreamName(importedSubjectId(fixture.keys, 'bench-crm', 'C-1'))]);

    reads.mockClear();
    expect(await sweep.plan(at(200))).toEqual([]);
    expect(streamsRead().size).toBe(0);
    // `events` keeps data 365 days after its consent ended, `newsletter` 730: reviewed at each end.
    reads.mockClear();
    expect(await sweep.plan(at(366))).toEqual([]);
    expect(streamsRead().size).toBe(1);
    reads.mockClear();
    const due = await sweep.run(at(731));
    expect(due).toEqual([
      expect.objectContaining({
        subjectId: importedSubjectId(fixture.keys, 'bench-crm', 'C-1'),
        why: 'retention',
        outcome: 'erased',
      }),
    ]);
    // C-1, and the 20 subjects whose imported revocation of `newsletter` reached its review too
    // (they keep `events`, granted without expiry, so nothing else is due for them ever again).
    expect(streamsRead().size).toBe(21);
    reads.mockClear();
    expect(await sweep.plan(at(732))).toEqual([]);
    expect(streamsRead().size).toBe(1);
    reads.mockClear();
    expect(await sweep.plan(at(733))).toEqual([]);
    expect(streamsRead().size).toBe(0);
  });

  it('reads every subject once per process, not again a day later while nothing is due', async () => {
    const fresh = newSweep();
    reads.mockClear();
    expect(await fresh.plan(at(800))).toEqual([]);
    expect(streamsRead().size).toBe(SUBJECTS - 1);
    reads.mockClear();
    expect(await fresh.plan(at(802))).toEqual([]);
    expect(streamsRead().size).toBe(0);
  });

  it('passes over everyone again after a material text version, not after an editorial one or a retirement', async () => {
    const { executor } = fixture;
    const fresh = newSweep();
    expect(await fresh.plan(at(900))).toEqual([]);
    const topicCommand = (command: TopicCommand) =>
      executor.execute({
        stream: topicStreamName('events'),
        decider: topicDecider,
        command,
        codec: plainCodec,
        context: { actor: 'dpo', now: at(900) },
      });
    const version = (change: 'editorial' | 'material') =>
      topicCommand({
        type: 'PublishConsentTextVersion',
        data: {
          topicId: 'events',
          text: change,
          textHash: createHash('sha256').update(change).digest('hex'),
          language: 'en',
          change,
        },
        metadata: { now: at(900) },
      });
    await version('editorial');
    reads.mockClear();
    expect(await fresh.plan(at(901))).toEqual([]);
    expect(streamsRead().size).toBe(0);
    await version('material');
    reads.mockClear();
    await fresh.plan(at(902));
    expect(streamsRead().size).toBe(SUBJECTS - 1);
    await topicCommand({ type: 'RetireTopic', data: { topicId: 'events' }, metadata: { now: at(903) } });
    reads.mockClear();
    await fresh.plan(at(903));
    expect(streamsRead().size).toBe(0);
  });
});
