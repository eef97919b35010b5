import { rmSync } from 'node:fs';
import { subjectStreamName } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#runtime';
import { ReadSideDriver } from './read-side.driver';
import { createRoleKeys, tempDataDir } from './support/boot';

/**
 * Art. 8(1): consent to an information-society service offered directly to a child below the age
 * of digital consent (configured per member state) needs the authorisation of the holder of
 * parental responsibility. Driven over HTTP on the real app, Austria configured at 14.
 */
describe('GDPR Art. 8: child consent (e2e)', () => {
  const dataDir = tempDataDir();
  let driver: ReadSideDriver;
  const authorisation = { method: 'signed_form', reference: 'case-2026-0042', holderName: 'Maria Huber' };

  beforeAll(async () => {
    const keys = createRoleKeys(dataDir);
    driver = await ReadSideDriver.bootOn(dataDir, keys, { AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'AT:14,FR:15' });
    await driver.command('POST', '/topics', 'admin', {
      id: 'kids-club',
      title: 'Kids club newsletter',
      description: 'Puzzles and club news for young members',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 365,
      offeredToChildren: true,
    });
    await driver.command('POST', '/topics/kids-club/versions', 'dpo', {
      text: 'Yes, send me the kids club newsletter.',
      language: 'de',
      change: 'material',
    });
  });
  afterAll(async () => {
    await driver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The date of birth of someone who turned `years` today. */
  const bornYearsAgo = (years: number) => {
    const today = new Date();
    return `${today.getUTCFullYear() - years}${today.toISOString().slice(4, 10)}`;
  };
  const child = (years: number, country: string, address: string) =>
    driver.register([{ channel: 'email', address }], { dateOfBirth: bornYearsAgo(years), country });
  const grant = (subjectId: string, parentalAuthorisation?: object) =>
    driver.send('POST', `/subjects/${subjectId}/consents`, 'crm', {
      topicId: 'kids-club',
      channel: 'email',
      evidence: {
        method: 'checkbox',
        capturedAt: new Date().toISOString(),
        sourceSystem: 'club-app',
        textVersion: 1,
        affirmativeAction: true,
        ...(parentalAuthorisation ? { parentalAuthorisation } : {}),
      },
    });
  const granted = (res: { statusCode: number; json: () => any }) =>
    res.statusCode === 200 && res.json().events[0]?.type === 'ConsentGranted';
  const storedTypes = async (subjectId: string) =>
    (await driver.app.get<EventStore>(EVENT_STORE).readStream(subjectStreamName(subjectId))).map((e) => e.type);

  it('given a 12-year-old in Austria, when a grant without authorisation arrives, then 409 and nothing is written', async () => {
    const subjectId = await child(12, 'AT', 'lena@example.org');
    const res = await grant(subjectId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONSENT.PARENTAL_AUTHORISATION_REQUIRED',
      field: 'evidence.parentalAuthorisation',
    });
    expect(await storedTypes(subjectId)).toEqual(['SubjectRegistered']);
  });

  it('with the authorisation of a parent, the grant is recorded; the receipt and the export show it', async () => {
    const subjectId = await child(12, 'AT', 'jonas@example.org');
    expect(granted(await grant(subjectId, authorisation))).toBe(true);
    const receipt = await driver.send('GET', `/subjects/${subjectId}/consents/kids-club/email/receipt`, 'auditor');
    expect(receipt.json().proof.parentalAuthorisation).toEqual({ method: 'signed_form', reference: 'case-2026-0042' });
    expect(receipt.body).not.toContain('Maria');
    const exported = (await driver.send('GET', `/subjects/${subjectId}/export`, 'crm')).json();
    expect(exported.consents[0].grant.evidence.parentalAuthorisation).toEqual(authorisation);
    const [, stored] = await driver.app.get<EventStore>(EVENT_STORE).readStream(subjectStreamName(subjectId));
    expect(JSON.stringify(stored!.data)).not.toContain('Maria');
    expect(stored!.data).toMatchObject({ evidence: { parentalAuthorisation: { reference: 'case-2026-0042' } } });
  });

  it('applies the age of the member state: 14 consents alone in Austria, not in Germany (default 16)', async () => {
    expect(granted(await grant(await child(14, 'AT', 'tobias@example.org')))).toBe(true);
    expect((await grant(await child(14, 'DE', 'paul@example.org'))).statusCode).toBe(409);
    expect(granted(await grant(await child(15, 'FR', 'lea@example.org')))).toBe(true);
  });

  it('documents the refusal on the grant route, so clients can handle it', async () => {
    const document = (await driver.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const conflict = document.paths['/subjects/{id}/consents'].post.responses['409'];
    expect(conflict.description).toContain('CONSENT.PARENTAL_AUTHORISATION_REQUIRED');
  });

  it('an unknown age stays allowed', async () => {
    expect(granted(await grant(await driver.register([{ channel: 'email', address: 'x@example.org' }])))).toBe(true);
  });

  it.each([
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'profile.dateOfBirth'],
    ['a date of birth before 1900', { dateOfBirth: '1899-12-31' }, 'profile.dateOfBirth'],
    ['an unknown country code', { country: 'XX' }, 'profile.country'],
  ])('refuses %s with 400 naming the field, nothing written', async (_case, profile, field) => {
    const res = await driver.send('POST', '/subjects', 'crm', {
      locale: 'de-AT',
      contactPoints: [{ channel: 'email', address: 'bad@example.org' }],
      profile,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field });
    const found = await driver.query('/subjects?email=bad@example.org', 'crm');
    expect(found.json()).toMatchObject({ items: [] });
  });

  it('refuses an authorisation without a method with 400 naming the field, nothing written', async () => {
    const subjectId = await child(12, 'AT', 'mia@example.org');
    const res = await grant(subjectId, { reference: 'case-1' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('parentalAuthorisation.method');
    expect(await storedTypes(subjectId)).toEqual(['SubjectRegistered']);
  });

  it('keeps the age encrypted in the log and shows it on the profile the dashboard reads', async () => {
    const subjectId = await child(12, 'AT', 'ben@example.org');
    const profile = (await driver.query(`/subjects/${subjectId}`, 'crm')).json();
    expect(profile.profile).toMatchObject({ dateOfBirth: bornYearsAgo(12), country: 'AT' });
    expect(profile.childConsent).toEqual({ ageOfDigitalConsent: 14, belowAgeOfDigitalConsent: true });
    expect((await driver.query(`/subjects/${subjectId}`, 'journey')).json()).not.toHaveProperty('childConsent');
    const [registered] = await driver.app.get<EventStore>(EVENT_STORE).readStream(subjectStreamName(subjectId));
    expect(JSON.stringify(registered!.data)).not.toContain(bornYearsAgo(12));
  });
});
