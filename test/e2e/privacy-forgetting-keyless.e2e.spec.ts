import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '#audit';
import { READ_STORE, uuidFromBytes } from '#runtime';
import { SUBJECT_PROFILES } from '#projections';
import type { ReadStore } from '#read-store';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { hitsIn, scanFolder } from './support/data-scan';
import { PERSON, expectStatus, privacyDriver } from './support/privacy-driver';

const ACTOR = 'e2e-crm';
const CLIENT_KEY = `signup:${PERSON.email}`;
const SIGNUP = {
  locale: 'de-DE',
  contactPoints: [{ channel: 'email', address: PERSON.email }],
  profile: { firstName: PERSON.firstName, lastName: PERSON.lastName },
};

/** What the edge stored before keyed hashes, and what anyone can recompute from a guessed signup. */
function guessableDigests(): string[] {
  const texts = [`POST /subjects ${canonicalJson(SIGNUP)}`, canonicalJson(SIGNUP), JSON.stringify(SIGNUP)];
  const digests = texts.map((text) => createHash('sha256').update(text).digest());
  return digests.flatMap((digest) => [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')]);
}

/** The subject id the old code derived from the clear Idempotency-Key: a guess confirms the stream. */
function guessableSubjectId(): string {
  return uuidFromBytes(createHash('sha256').update(`${ACTOR}\n${CLIENT_KEY}\nsubject`).digest());
}

/**
 * Art. 17 against someone who holds a copy of the data folder but no key: after the erasure no
 * file (stores with their WAL and free pages, mail outbox) holds the address, the name, the
 * client's natural Idempotency-Key, an unkeyed hash of the request, or the subject's blind indexes.
 */
describe('privacy: forgetting against a keyless reader of the data folder (e2e)', () => {
  const dataDir = tempDataDir();
  let booted: BootedApp | undefined;
  afterAll(async () => {
    await booted?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no address, name, clear key, guessable hash, mail or blind index once the subject is erased', async () => {
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env: { PUBLIC_BASE_URL: 'https://ledger.test' } });
    const app = booted.app;
    const api = privacyDriver(app, keys);
    for (const topic of ['keyless-a', 'keyless-b']) await api.defineTopic(topic);
    const signup = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/subjects',
        payload,
        headers: { ...bearer(keys.crm), 'idempotency-key': CLIENT_KEY },
      });

    const first = await signup(SIGNUP);
    expectStatus(first, 201);
    const subjectId: string = first.json().subjectId;
    expect(subjectId).not.toBe(guessableSubjectId());
    // The keyed key still recognises the retry, and still refuses the key with another body.
    expect((await signup(SIGNUP)).json()).toMatchObject({ subjectId, replayed: true });
    expect((await signup({ ...SIGNUP, locale: 'en-GB' })).json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });

    const history = (await api.send('GET', `/subjects/${subjectId}/history`, 'crm')).json();
    const contactPointId: string = history[0].data.contactPoints[0].contactPointId;
    const requestMail = async (topicId: string) => {
      const res = await api.send('POST', `/subjects/${subjectId}/double-opt-in`, 'journey', {
        topicId,
        channel: 'email',
        contactPointId,
        textVersion: 1,
        sourceSystem: 'shop',
      });
      expectStatus(res, 201);
      return res.json() as { requestId: string; token: string };
    };
    const confirmed = await requestMail('keyless-a');
    const pending = await requestMail('keyless-b');
    const outbox = join(dataDir, 'outbox-mail');
    const mails = () => [...scanFolder(outbox).keys()].filter((file) => file.endsWith('.eml'));
    await until('both mails in the outbox', () => mails().length === 2);
    expect(hitsIn(scanFolder(outbox), [PERSON.email])).toHaveLength(2);
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
    for (const file of mails()) expect(statSync(join(outbox, file)).mode & 0o777).toBe(0o600);

    // Delivered: once the link has been used the mail file goes; the pending one stays, until the erasure.
    expectStatus(
      await app.inject({ method: 'POST', url: '/double-opt-in/confirm', payload: { token: confirmed.token } }),
      200,
    );
    await until('the confirmed mail removed', () => mails().length === 1);
    expect(mails()).toEqual([`${subjectId}/doi-${pending.requestId}.eml`]);

    const lookupKeys = await profileLookupKeys(booted, subjectId);
    expect(lookupKeys.length).toBeGreaterThan(0);
    expectStatus(await api.send('POST', `/subjects/${subjectId}/erasure`, 'dpo', {}), 200);
    await until(
      'the profile erased',
      async () => (await app.get<ReadStore>(READ_STORE).get(SUBJECT_PROFILES, subjectId))?.doc.erased === true,
    );
    await until('the pending mail removed', () => !existsSync(join(outbox, subjectId)));

    const secrets = [
      ...Object.values(PERSON),
      CLIENT_KEY,
      guessableSubjectId(),
      ...guessableDigests(),
      ...lookupKeys,
      pending.token,
    ];
    // While the app runs: the read store's WAL and free pages are part of the copy.
    expect(hitsIn(scanFolder(dataDir), secrets)).toEqual([]);
    await booted.close();
    booted = undefined;
    expect(hitsIn(scanFolder(dataDir), secrets)).toEqual([]);
  });

  it('keys what the import derives from a record: a CRM id that is the address is not recoverable either', async () => {
    const dir = tempDataDir();
    const keys = createRoleKeys(dir);
    const started = await bootApp({ dataDir: dir });
    try {
      const record = {
        kind: 'subject',
        sourceSystem: 'crm',
        externalId: PERSON.email,
        locale: 'de-DE',
        contactPoints: [{ id: 'email', channel: 'email', address: PERSON.email }],
        profile: { firstName: PERSON.firstName },
      };
      const imported = await started.app.inject({
        method: 'POST',
        url: '/imports',
        payload: JSON.stringify(record),
        headers: { ...bearer(keys.admin), 'content-type': 'application/x-ndjson' },
      });
      expect(imported.json()).toMatchObject({ imported: 1 });
      let subjectId = '';
      await until('the imported subject found by e-mail', async () => {
        const found = await started.app.inject({
          method: 'GET',
          url: `/subjects?email=${encodeURIComponent(PERSON.email)}`,
          headers: bearer(keys.crm),
        });
        subjectId = found.json().items?.[0]?.subjectId ?? '';
        return subjectId !== '';
      });
      // What the old import derived without a key, and anyone can derive from a guessed CRM id.
      const sha = (text: string) => createHash('sha256').update(text).digest();
      const guessable = [
        uuidFromBytes(sha(`import:crm:${PERSON.email}`)),
        sha(['crm', PERSON.email, 'subject'].join('\u001f')).toString('hex'),
        sha(canonicalJson(record)).toString('hex'),
      ];
      expect(subjectId).not.toBe(guessable[0]);
      expectStatus(
        await started.app.inject({
          method: 'POST',
          url: `/subjects/${subjectId}/erasure`,
          payload: {},
          headers: bearer(keys.dpo),
        }),
        200,
      );
      await until(
        'the profile erased',
        async () =>
          (await started.app.get<ReadStore>(READ_STORE).get(SUBJECT_PROFILES, subjectId))?.doc.erased === true,
      );
      expect(hitsIn(scanFolder(dir), [PERSON.email, PERSON.firstName, ...guessable])).toEqual([]);
    } finally {
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the data folder 0700 and every file in it 0600', async () => {
    const parent = tempDataDir();
    const fresh = join(parent, 'not-yet', 'data');
    try {
      const started = await bootApp({ dataDir: fresh });
      // While running, so the SQLite WAL and shm files are there too.
      const files = [...scanFolder(fresh).keys()];
      const modes = files.map((file) => `${file} ${(statSync(join(fresh, file)).mode & 0o777).toString(8)}`);
      await started.close();
      expect(statSync(fresh).mode & 0o777).toBe(0o700);
      expect(files).toEqual(
        expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'keys.sqlite', 'read.sqlite', 'read.sqlite-wal']),
      );
      expect(modes).toEqual(files.map((file) => `${file} 600`));
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

async function profileLookupKeys(booted: BootedApp, subjectId: string): Promise<string[]> {
  const store = booted.app.get<ReadStore>(READ_STORE);
  let keys: string[] = [];
  await until('the profile with its lookup keys', async () => {
    keys = ((await store.get(SUBJECT_PROFILES, subjectId))?.doc.lookupKeys as string[] | undefined) ?? [];
    return keys.length > 0;
  });
  return keys;
}

async function until(what: string, probe: () => unknown, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
