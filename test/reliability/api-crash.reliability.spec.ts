import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openInfrastructure, type Infrastructure } from '#runtime';
import { READ_MODELS } from '#projections';
import { subjectStreamName } from '#domain';
import { createApiKey } from '../../apps/api/src/auth';
import { checkModels } from '../../apps/cli/src/commands/rebuild-check';
import { killAllApis, startApi } from './support/api-process';
import { headPosition, waitForProjections } from './support/api-health';
import { grantBody, LedgerClient } from './support/ledger-client';
import { acknowledgedOnce, chainBreaks, type Acknowledged } from './support/log-checks';

const TOPICS = ['crash-news', 'crash-events', 'crash-surveys'];

/** One writer: grants and revokes on random subjects and topics until stopped, noting every 2xx (a 409 is a domain refusal, e.g. revoking what was never granted). */
async function writer(
  client: LedgerClient,
  subjects: readonly string[],
  acks: Acknowledged[],
  running: () => boolean,
): Promise<void> {
  for (let i = 0; running(); i++) {
    const subject = subjects[Math.floor(Math.random() * subjects.length)]!;
    const topicId = TOPICS[Math.floor(Math.random() * TOPICS.length)]!;
    const [path, body] =
      i % 2 === 0
        ? [`/subjects/${subject}/consents`, grantBody(topicId)]
        : [`/subjects/${subject}/consents/revoke`, { topicId }];
    const answer = await client.send('POST', path, body).catch(() => undefined);
    // A request cut off by the kill has no answer: it was never acknowledged.
    if (answer && answer.status < 300)
      acks.push({ stream: subjectStreamName(subject), ids: (answer.body.events ?? []).map((e) => e.id) });
    else if (answer && answer.status !== 409)
      throw new Error(`unexpected ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

async function openStores(dataDir: string): Promise<Infrastructure> {
  return openInfrastructure(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }), () => undefined);
}

async function closeStores(infra: Infrastructure): Promise<void> {
  await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
}

describe('api killed with SIGKILL under concurrent writes (reliability)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  afterAll(async () => {
    await killAllApis();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged event exactly once, the chains intact, and read models equal to a fresh rebuild', async () => {
    const key = createApiKey(dataDir, 'crash-admin', ['admin']);
    const first = await startApi({ dataDir });
    const client = new LedgerClient(first.baseUrl, key);
    for (const topic of TOPICS) await client.defineTopic(topic);
    const subjects = await Promise.all(Array.from({ length: 12 }, (_, i) => client.register(`crash${i}@example.org`)));

    // Given 24 concurrent writers, when the api is killed mid-load,
    const acks: Acknowledged[] = [];
    let running = true;
    const writers = Promise.all(Array.from({ length: 24 }, () => writer(client, subjects, acks, () => running)));
    const deadline = Date.now() + 15_000;
    while (acks.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await first.kill();
    running = false;
    await writers;
    expect(acks.length).toBeGreaterThanOrEqual(300);

    // then after a restart every acknowledged event is there once and the read models catch up,
    const second = await startApi({ dataDir });
    await waitForProjections(second.baseUrl, 15_000);
    const acknowledgedEvents = acks.reduce((n, ack) => n + ack.ids.length, 0);
    expect(acknowledgedEvents).toBeGreaterThan(100);
    expect(await headPosition(second.baseUrl)).toBeGreaterThanOrEqual(acknowledgedEvents);
    await second.stop();

    const infra = await openStores(dataDir);
    try {
      const log = await infra.eventStore.readAll();
      expect(acknowledgedOnce(log, acks)).toEqual({ missing: [], duplicated: [] });
      expect(chainBreaks(log)).toEqual([]);
      // and what the live runners projected equals a replay of the log from scratch.
      const check = await checkModels(infra, READ_MODELS);
      expect(check.differences).toEqual([]);
      expect(check.models.every((m) => m.liveCheckpoint === log[log.length - 1]!.position)).toBe(true);
    } finally {
      await closeStores(infra);
    }
  }, 60_000);
});
