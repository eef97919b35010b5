import { verifyLog } from '#audit';
import { SubjectCodec, SubjectEraser } from '#application';
import { SUBJECT_STREAM_PREFIX } from '#domain';
import { importedSubjectId } from '#import';
import { crmSubject, ndjson, openImportFixture, type ImportFixture } from './import-support';

/** New subjects skip the stream read and the one-by-one key lookup; nothing decided on that guess stands unconfirmed. */
describe('import of new subjects', () => {
  let fixture: ImportFixture;

  beforeEach(async () => {
    fixture = await openImportFixture();
  });
  afterEach(() => fixture.close());

  const subjectReads = () => {
    const reads = jest.spyOn(fixture.infra.eventStore, 'readStream');
    return () => reads.mock.calls.filter(([stream]) => stream.startsWith(SUBJECT_STREAM_PREFIX)).length;
  };

  it('reads no stream and looks up no key one by one for subjects the ledger has never seen', async () => {
    const streamsRead = subjectReads();
    const keyLookups = jest.spyOn(fixture.infra.keyVault, 'findDataKey');
    const report = await fixture.run(ndjson([...crmSubject('C-1'), ...crmSubject('C-2'), ...crmSubject('C-3')]));
    expect(report).toMatchObject({ imported: 6, duplicates: 0, refused: 0 });
    expect(streamsRead()).toBe(0);
    expect(keyLookups).not.toHaveBeenCalled();
    expect(await verifyLog(fixture.infra.eventStore, { key: undefined })).toMatchObject({ ok: true, breaks: 0 });
  });

  it('reads the stream of a subject it has seen, so a second run finds every record a duplicate', async () => {
    await fixture.run(ndjson(crmSubject('C-1')));
    const streamsRead = subjectReads();
    expect(await fixture.run(ndjson(crmSubject('C-1')))).toMatchObject({ imported: 0, duplicates: 2, refused: 0 });
    expect(streamsRead()).toBe(1);
  });

  it('decides records of an erased subject on its erased stream, as before the key was gone', async () => {
    await fixture.run(ndjson(crmSubject('C-1')));
    const subjectId = importedSubjectId(fixture.keys, 'crm', 'C-1');
    const eraser = new SubjectEraser(
      fixture.executor,
      new SubjectCodec(fixture.infra.crypto),
      fixture.infra.crypto,
      fixture.infra.config.domain.channels,
    );
    const context = { actor: 'dpo', now: new Date().toISOString() };
    expect(await eraser.erase(subjectId, { cause: 'controller' }, context)).toMatchObject({ outcome: 'erased' });
    const events = await fixture.eventCount();
    const [subject, consent] = crmSubject('C-1', { capturedAt: '2022-01-01T00:00:00Z' });
    const alone = await fixture.run(ndjson([consent!]));
    expect(alone.refusals.map(({ line, code }) => ({ line, code }))).toEqual([{ line: 1, code: 'SUBJECT.ERASED' }]);
    const report = await fixture.run(ndjson([consent!, subject!, { ...subject!, locale: 'en-GB' }]));
    expect(report.duplicates).toBe(1);
    expect(report.refusals.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 1, code: 'SUBJECT.ERASED' },
      { line: 3, code: 'IDEMPOTENCY.KEY_REUSED' },
    ]);
    expect(await fixture.eventCount()).toBe(events);
  });
});
