/*
 * What one contactability check costs the api's process (issue #20 item 4), with the router and
 * every hook but without a socket or a load generator on the same cores: the real app on a
 * temporary data folder, N registered subjects, checks in turn through `app.inject`, process CPU
 * time per check. `misses` sets CONTACTABILITY_CACHE_PROFILES to 1, so every check reads its row
 * (the bench at 100k and 1M, and production after every append).
 * Run: node -r ./test/fixtures/swc-register.js bench/check-cost.ts [subjects=2000] [rounds=7] [misses]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openInfrastructure } from '#runtime';
import { createApiKey } from '../apps/api/src/auth';
import { createApp } from '../apps/api/src/create-app';
import { median } from './src/stats';

const CHECKS_PER_ROUND = 5_000;

async function main(subjects: number, rounds: number, misses: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-check-cost-'));
  const keys = { admin: createApiKey(dataDir, 'a', ['admin']), dpo: createApiKey(dataDir, 'd', ['dpo']) };
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(misses ? { CONTACTABILITY_CACHE_PROFILES: '1' } : {}) };
  const app = await createApp(await openInfrastructure(loadConfig(env), () => undefined));
  await app.init();
  const send = async (method: 'GET' | 'POST', url: string, key: string, payload?: object) => {
    const res = await app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });
    if (res.statusCode !== 200 && res.statusCode !== 201)
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  try {
    const { ids, position } = await seed(send, keys, subjects);
    const headers = { authorization: `Bearer ${keys.admin}`, 'x-min-position': String(position) };
    const caughtUp = await app.inject({ method: 'GET', url: `/subjects/${ids.at(-1)}`, headers });
    if (caughtUp.statusCode !== 200) throw new Error(`the read models did not reach ${position}: ${caughtUp.body}`);
    const perCheck: number[] = [];
    const profile = await startProfile(process.env.CHECK_COST_PROFILE);
    for (let round = 0; round <= rounds; round++) {
      const before = process.cpuUsage();
      for (let i = 0; i < CHECKS_PER_ROUND; i++) {
        await send('GET', `/subjects/${ids[i % ids.length]}/contactability?topicId=news&channel=email`, keys.admin);
      }
      const { user, system } = process.cpuUsage(before);
      if (round > 0) perCheck.push((user + system) / CHECKS_PER_ROUND);
    }
    await profile();
    const shown = perCheck.map((us) => us.toFixed(1)).join(', ');
    process.stdout.write(
      `${subjects} subjects, misses ${misses}: median ${median(perCheck).toFixed(1)} µs CPU per check (${shown})\n`,
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** With a file name: a CPU profile of the checks alone (not the seeding), written there. */
async function startProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((done, fail) => session.post(method, (error, result) => (error ? fail(error) : done(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

type Send = (method: 'GET' | 'POST', url: string, key: string, payload?: object) => Promise<Record<string, unknown>>;

async function seed(send: Send, keys: { admin: string; dpo: string }, subjects: number) {
  const topic = { id: 'news', title: 'News', description: 'News', allowedChannels: ['email'], legalBasis: 'consent' };
  await send('POST', '/topics', keys.admin, { ...topic, personalFields: [], retentionDays: 365 });
  await send('POST', '/topics/news/versions', keys.dpo, { text: 'Yes', language: 'en', change: 'material' });
  const ids: string[] = [];
  let position = 0;
  for (let i = 0; i < subjects; i++) {
    const contactPoints = [{ channel: 'email', address: `s${i}@example.org` }];
    const body = await send('POST', '/subjects', keys.admin, { locale: 'de-DE', contactPoints, profile: {} });
    ids.push(body.subjectId as string);
    position = body.position as number;
  }
  return { ids, position };
}

const [subjects = '2000', rounds = '7', misses] = process.argv.slice(2);
main(Number(subjects), Number(rounds), misses === 'misses').catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
