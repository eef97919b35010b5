import { setTimeout as sleep } from 'node:timers/promises';
import { subjectDecider, subjectStreamName, type SubjectCommand } from '#domain';
import { verifyLog } from '#audit';
import { importedSubjectId } from '#import';
import { SubjectCodec, type CommandResult } from '#application';
import { generatedSubject, ndjson, openImportFixture, type ImportFixture } from './import-support';

const SUBJECTS = 300;
const TOPIC_EVENTS = 4;
const subjects = Array.from({ length: SUBJECTS }, (_, i) => i);
/** Every subject's registration first, then every first consent, and so on: each subject is written four times, far apart. */
const interleaved = ndjson([0, 1, 2, 3].flatMap((k) => subjects.map((i) => generatedSubject(i)[k]!)));

/**
 * An import races whatever else writes to the same subjects: a second import of the same file
 * (two admins, or a retry while the first still runs) and live commands. Every record must land
 * exactly once, every live command must land once, and every hash chain must hold.
 */
describe('import racing other writers on the same subjects', () => {
  let fixture: ImportFixture;
  beforeEach(async () => {
    fixture = await openImportFixture();
  });
  afterEach(() => fixture.close());

  it('two imports of one file at once append every record exactly once between them', async () => {
    const [a, b] = await Promise.all([
      fixture.run(interleaved, { concurrency: 8 }),
      fixture.run(interleaved, { concurrency: 5 }),
    ]);
    expect(a.refused + b.refused).toBe(0);
    expect(a.imported + b.imported).toBe(SUBJECTS * 4);
    expect(a.duplicates + b.duplicates).toBe(SUBJECTS * 4);
    expect(await fixture.eventCount()).toBe(TOPIC_EVENTS + SUBJECTS * 4);
    expect(await verifyLog(fixture.infra.eventStore, { key: undefined })).toMatchObject({ ok: true, breaks: 0 });
  });

  it('live commands on subjects being imported land in the same chains, nothing lost or doubled', async () => {
    const codec = new SubjectCodec(fixture.infra.crypto);
    const channels = fixture.infra.config.domain.channels;
    const objectToSms = (i: number): Promise<CommandResult | undefined> => {
      const now = new Date().toISOString();
      const command = {
        type: 'RaiseObjection',
        data: { scope: { kind: 'channel', channel: 'sms' }, reason: 'told the call centre' },
        metadata: { now, channels, allowedProfileFields: [] },
      } as unknown as SubjectCommand;
      const stream = subjectStreamName(importedSubjectId(fixture.keys, 'bench-crm', `C-${i}`));
      return fixture.executor
        .execute({
          stream,
          decider: subjectDecider,
          command,
          codec,
          context: { actor: 'crm', now, idempotencyKey: `live-${i}` },
        })
        .catch((error: { code?: string }) => {
          if (error.code === 'SUBJECT.NOT_FOUND') return undefined;
          throw error;
        });
    };
    let importDone = false;
    const running = fixture.run(interleaved, { concurrency: 16 }).finally(() => (importDone = true));
    const landed = new Map<number, CommandResult>();
    for (let last = false; !last && landed.size < SUBJECTS; await sleep(2)) {
      last = importDone;
      const pending = subjects.filter((i) => !landed.has(i));
      const results = await Promise.all(pending.map(objectToSms));
      pending.forEach((i, k) => results[k] && landed.set(i, results[k]!));
    }
    const report = await running;
    expect(report).toMatchObject({ imported: SUBJECTS * 4, duplicates: 0, refused: 0 });
    expect([...landed.values()].map((r) => r.events.map((e) => e.type))).toEqual(
      Array(SUBJECTS).fill(['ObjectionRaised']),
    );
    expect(await fixture.eventCount()).toBe(TOPIC_EVENTS + SUBJECTS * 5);
    expect(await verifyLog(fixture.infra.eventStore, { key: undefined })).toMatchObject({ ok: true, breaks: 0 });
  });
});
