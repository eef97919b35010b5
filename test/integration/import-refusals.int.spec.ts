import { SubjectCodec } from '#application';
import { crmSubject, ndjson, openImportFixture, type ImportFixture } from './import-support';

/** Every record goes through the live deciders: what a live command refuses, the import refuses, by line and field. */
describe('import refusals on the embedded store', () => {
  let fixture: ImportFixture;

  beforeEach(async () => {
    fixture = await openImportFixture();
  });
  afterEach(() => fixture.close());

  it('refuses unknown topics, disallowed channels, pre-ticked grants and future dates, and imports the rest', async () => {
    const [subject, consent] = crmSubject('C-1') as Array<Record<string, unknown>>;
    const report = await fixture.run(
      ndjson([
        subject,
        { ...consent, topicId: 'surveys' },
        { ...consent, channel: 'sms', contactPointId: undefined },
        { ...consent, affirmativeAction: false },
        { ...consent, affirmativeAction: undefined },
        { ...consent, capturedAt: '2999-01-01T00:00:00Z' },
        { ...consent, textVersion: 7 },
        consent,
      ]),
    );
    expect(report).toMatchObject({ records: 8, imported: 2, duplicates: 0, refused: 6 });
    expect(report.refusals.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: 'topicId', code: 'TOPIC.NOT_FOUND' },
      { line: 3, field: 'channel', code: 'TOPIC.CHANNEL_NOT_ALLOWED' },
      { line: 4, field: 'affirmativeAction', code: 'CONSENT.PRE_TICKED' },
      { line: 5, field: 'affirmativeAction', code: 'CONSENT.PRE_TICKED' },
      { line: 6, field: 'capturedAt', code: 'IMPORT.DATE_IN_FUTURE' },
      { line: 7, field: 'textVersion', code: 'CONSENT.TEXT_VERSION_UNKNOWN' },
    ]);
  });

  it('refuses a subject with an implausible address or a field no topic asks for, and its consents as not registered', async () => {
    const [subject, consent] = crmSubject('C-2') as Array<Record<string, unknown>>;
    const badAddress = {
      ...subject,
      contactPoints: [{ contactPointId: 'email', channel: 'email', address: 'not-an-address' }],
    };
    const report = await fixture.run(
      ndjson([badAddress, consent, { ...subject, externalId: 'C-3', profile: { shoeSize: '44' } }]),
    );
    expect(report.refusals.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 1, field: 'contactPoints[0].address', code: 'CONTACT_POINT.ADDRESS_INVALID' },
      { line: 2, field: 'externalId', code: 'SUBJECT.NOT_FOUND' },
      { line: 3, field: 'profile.shoeSize', code: 'PROFILE.FIELD_NOT_ALLOWED' },
    ]);
    expect(await fixture.eventCount()).toBe(4);
  });

  it('refuses a record imported before with other content instead of silently replaying it', async () => {
    const records = crmSubject('C-4');
    expect((await fixture.run(ndjson(records))).imported).toBe(2);
    const changed = crmSubject('C-4', { ipAddress: '198.51.100.1' });
    const report = await fixture.run(ndjson(changed));
    expect(report).toMatchObject({
      duplicates: 1,
      refused: 1,
      refusals: [{ line: 2, field: 'record', code: 'IDEMPOTENCY.KEY_REUSED' }],
    });
  });

  it('imports revocations, objections and blocks once, and a second run appends nothing', async () => {
    const records = [
      ...crmSubject('C-5'),
      {
        kind: 'revocation',
        sourceSystem: 'crm',
        externalId: 'C-5',
        topicId: 'newsletter',
        occurredAt: '2024-05-01T00:00:00Z',
        reason: 'too many mails',
      },
      {
        kind: 'objection',
        sourceSystem: 'crm',
        externalId: 'C-5',
        scope: 'channel',
        channel: 'post',
        occurredAt: '2024-05-02T00:00:00Z',
      },
      {
        kind: 'block',
        sourceSystem: 'crm',
        externalId: 'C-5',
        scope: 'global',
        reason: 'complaint',
        referenceKind: 'complaint',
        referenceId: 'T-77',
      },
      { kind: 'block', sourceSystem: 'crm', externalId: 'C-5', scope: 'global', reason: 'no reference' },
    ];
    const first = await fixture.run(ndjson(records));
    expect(first).toMatchObject({
      imported: 5,
      refused: 1,
      refusals: [{ line: 6, field: 'referenceKind/referenceId', code: 'BLOCK.REFERENCE_INVALID' }],
    });
    const head = await fixture.eventCount();
    expect(await fixture.run(ndjson(records))).toMatchObject({ imported: 0, duplicates: 5, refused: 1 });
    expect(await fixture.eventCount()).toBe(head);
    const stream = (await fixture.infra.eventStore.readAll({ filter: { eventTypes: ['ConsentRevoked'] } }))[0].stream;
    const history = await fixture.infra.eventStore.readStream(stream);
    // The reason is personal data: stored encrypted, readable through the subject's key.
    const decoded = await new SubjectCodec(fixture.infra.crypto).decode(stream, history);
    expect(decoded.find((e) => e.type === 'ConsentRevoked')?.data.reason).toBe(
      'too many mails (imported from crm, occurred 2024-05-01T00:00:00Z)',
    );
    expect(
      history.every(
        (e) => e.metadata.actor === 'import' && String(e.metadata.idempotencyKey).startsWith('import:import:'),
      ),
    ).toBe(true);
  });

  it('reports a dry run exactly as the real run will go, and writes nothing', async () => {
    const records = [
      ...crmSubject('C-6'),
      {
        kind: 'consent',
        sourceSystem: 'crm',
        externalId: 'C-6',
        topicId: 'nope',
        channel: 'email',
        capturedAt: '2021-01-01T00:00:00Z',
        affirmativeAction: true,
      },
    ];
    const head = await fixture.eventCount();
    const dry = await fixture.run(ndjson(records), { dryRun: true });
    expect(await fixture.eventCount()).toBe(head);
    const real = await fixture.run(ndjson(records));
    expect({ ...dry, runId: 0, startedAt: 0, finishedAt: 0, elapsedMs: 0, recordsPerSecond: 0, dryRun: false }).toEqual(
      { ...real, runId: 0, startedAt: 0, finishedAt: 0, elapsedMs: 0, recordsPerSecond: 0 },
    );
  });
});
