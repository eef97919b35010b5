import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DOI_MAIL_COLLECTION } from '#journeys';
import { SqliteReadStore } from '#read-store';
import { bearer, bootApp, createRoleKeys, tempDataDir } from '../e2e/support/boot';
import { startSmtp, until } from '../e2e/support/journey-receivers';
import { killAllChildren, spawnFixture, type Child } from './sqlite-children';

const messageIdOf = (raw: string) => /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim();

/** Given three double opt-in requests, when the outbox is killed between SMTP send and checkpoint, then no mail is lost and at most one is sent twice, with the same Message-ID. */
describe('double opt-in mail outbox crash safety', () => {
  const dataDir = tempDataDir();
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const requestEventIds: string[] = [];

  beforeAll(async () => {
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({ dataDir, env: { JOURNEY_WORKERS: 'false' } });
    const send = (url: string, role: keyof typeof keys, payload: object) =>
      booted.app.inject({ method: 'POST', url, payload, headers: bearer(keys[role]) });
    await send('/topics', 'admin', {
      id: 'crash-news',
      title: 'News',
      description: 'News',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    });
    await send('/topics/crash-news/versions', 'dpo', { text: 'Yes please.', language: 'en', change: 'material' });
    for (const n of [1, 2, 3]) {
      const subject = (
        await send('/subjects', 'crm', {
          locale: 'en',
          contactPoints: [{ channel: 'email', address: `p${n}@example.org` }],
          profile: {},
        })
      ).json();
      const history = (
        await booted.app.inject({
          method: 'GET',
          url: `/subjects/${subject.subjectId}/history`,
          headers: bearer(keys.crm),
        })
      ).json();
      const contactPointId = history[0].data.contactPoints[0].contactPointId;
      const doi = await send(`/subjects/${subject.subjectId}/double-opt-in`, 'journey', {
        topicId: 'crash-news',
        channel: 'email',
        contactPointId,
        textVersion: 1,
        sourceSystem: 'shop',
      });
      requestEventIds.push(doi.json().events[0].id);
    }
    await booted.close();
  });
  afterEach(killAllChildren);
  afterAll(async () => {
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function untilRecorded(eventIds: string[]): Promise<void> {
    const reads = await SqliteReadStore.open(join(dataDir, 'read.sqlite'));
    try {
      for (let tries = 0; (await reads.getMany(DOI_MAIL_COLLECTION, eventIds)).length < eventIds.length; tries++) {
        if (tries > 500) throw new Error('the outbox never recorded the three mails');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await reads.close();
    }
  }

  it('sends the interrupted mail again with the same Message-ID and loses none', async () => {
    let victim: Child | undefined;
    const received: string[] = [];
    // The first message arrives in full, then the sender dies before the server acknowledges it.
    smtp = await startSmtp((raw) => {
      received.push(messageIdOf(raw)!);
      if (received.length > 1 || !victim) return false;
      victim.process.kill('SIGKILL');
      return true;
    });
    victim = spawnFixture('journey-outbox-child.js', [dataDir, smtp.url]);
    await victim.exited;
    expect(received).toHaveLength(1);

    const restarted = spawnFixture('journey-outbox-child.js', [dataDir, smtp.url]);
    await until('all three requests mailed', () => new Set(received).size === 3 && received.length >= 4, 15_000);
    const expected = requestEventIds.map((id) => `<doi-${id}@ledger.test>`);
    expect(new Set(received)).toEqual(new Set(expected));
    expect(received).toHaveLength(4);
    expect(received.filter((id) => id === received[0])).toHaveLength(2);
    await restarted.waitFor(
      'three sent lines',
      (lines) => lines.filter((l) => l.includes('sent via SMTP')).length === 3,
    );
    // "sent" is logged before the outbox records the mail; a kill in between rightly sends it again.
    await untilRecorded(requestEventIds);
    restarted.process.kill('SIGKILL');
    await restarted.exited;

    const again = spawnFixture('journey-outbox-child.js', [dataDir, smtp.url]);
    await new Promise((r) => setTimeout(r, 800));
    expect(received).toHaveLength(4);
    expect(again.lines.filter((l) => l.includes('sent'))).toEqual([]);
  });
});
