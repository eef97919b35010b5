import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import { subjectStreamName } from '#domain';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from '../e2e/support/boot';
import { grantBody, LedgerClient, type Answer } from './support/ledger-client';
import { acknowledgedOnce, chainBreaks, type Acknowledged } from './support/log-checks';

const TOPICS = Array.from({ length: 35 }, (_, i) => `cw-${i}`);
const CHANNELS = ['email', 'sms'];
const scope = (k: number) => ({ topicId: TOPICS[Math.floor(k / 2)]!, channel: CHANNELS[k % 2]! });

/** 50 grants of new scopes, 30 blocks, 20 revocations of scopes granted beforehand: each changes the subject. */
function commands(subject: string): Array<[string, object]> {
  const grants = Array.from({ length: 50 }, (_, k): [string, object] => [
    `/subjects/${subject}/consents`,
    grantBody(scope(k).topicId, scope(k).channel),
  ]);
  const blocks = Array.from({ length: 30 }, (_, k): [string, object] => [
    `/subjects/${subject}/blocks`,
    {
      scope: { kind: 'topic', topicId: TOPICS[k] },
      reason: 'asked',
      reference: { kind: 'communication', id: `call-${k}` },
    },
  ]);
  const revokes = Array.from({ length: 20 }, (_, k): [string, object] => [
    `/subjects/${subject}/consents/revoke`,
    scope(50 + k),
  ]);
  return [...grants, ...blocks, ...revokes];
}

async function url(app: NestFastifyApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

describe('100 concurrent writers on one subject, across two api instances (reliability)', () => {
  let a: BootedApp;
  let b: BootedApp;
  let dataDir: string;
  let clients: LedgerClient[];

  beforeAll(async () => {
    dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    // Two instances on one data folder: their executors only meet in the store's expected-revision check.
    a = await bootApp({ dataDir, listen: true });
    b = await bootApp({ dataDir, listen: true });
    clients = [new LedgerClient(await url(a.app), keys.admin), new LedgerClient(await url(b.app), keys.admin)];
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no update: every acknowledged event is in the stream once, revisions contiguous, the chain intact', async () => {
    const [first] = clients as [LedgerClient];
    for (const topic of TOPICS) await first.defineTopic(topic);
    const subject = await first.register('writers@example.org');
    for (let k = 50; k < 70; k++)
      expect(
        (await first.send('POST', `/subjects/${subject}/consents`, grantBody(scope(k).topicId, scope(k).channel)))
          .status,
      ).toBe(200);
    const stream = subjectStreamName(subject);
    const store = a.app.get<EventStore>(EVENT_STORE);
    const before = (await store.readStream(stream)).length;

    const answers: Answer[] = await Promise.all(
      commands(subject).map(([path, body], i) => clients[i % 2]!.send('POST', path, body)),
    );

    // Every conflict was either retried to success or reported as 409; nothing failed otherwise.
    expect(answers.filter((r) => r.status >= 300 && r.status !== 409)).toEqual([]);
    const acks: Acknowledged[] = answers
      .filter((r) => r.status < 300)
      .map((r) => ({ stream, ids: r.body.events!.map((e) => e.id) }));
    expect(acks.every((ack) => ack.ids.length > 0)).toBe(true);
    const events = await store.readStream(stream);
    expect(acknowledgedOnce(events, acks)).toEqual({ missing: [], duplicated: [] });
    expect(events).toHaveLength(before + acks.reduce((n, ack) => n + ack.ids.length, 0));
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(chainBreaks(events)).toEqual([]);
    expect(answers.filter((r) => r.status < 300).length).toBeGreaterThanOrEqual(95);
  });
});
