import { join } from 'node:path';
import { createApiKey } from '../../../apps/api/src/auth';
import { startApi, type ApiProcess } from '../../../test/reliability/support/api-process';
import { CHECKED_TOPIC, evidence, TOPICS, type Seeded } from '../seed/seed';
import { median, percentile, repeat } from '../stats';
import { cpuSeconds, headPosition, peakRssMiB, waitForProjections } from './api-admin';
import { load, type LoadResult } from './load';

export interface HttpFigures {
  grant: LoadResult[];
  /** Events the grants appended per 2xx answer (1 = every grant recorded a new consent). */
  eventsPerGrant: number;
  /** CPU milliseconds the api process spent per answered request (user + system, all its threads). */
  grantCpuMs?: number;
  checkCpuMs?: number;
  contactability: LoadResult[];
  bareFastify: LoadResult[];
  exportMs: { p50: number[]; p99: number[] };
  peakRssMiB?: number;
}

export interface HttpSettings {
  runs: number;
  seconds: number;
  connections: number;
  cpuProfDir?: string;
}

/** Each grant names a (subject, topic) pair not granted before, so every request records an event. */
function grants(seeded: Seeded) {
  const topics = TOPICS.slice(2);
  const n = seeded.subjectIds.length;
  let k = 0;
  const body = (topicId: string) => JSON.stringify({ topicId, channel: 'email', evidence: evidence() });
  return () => {
    const i = k++;
    return {
      method: 'POST',
      path: `/subjects/${seeded.subjectIds[i % n]}/consents`,
      body: body(topics[Math.floor(i / n) % topics.length]!),
    };
  };
}

function checks(seeded: Seeded) {
  let k = 0;
  const n = seeded.subjectIds.length;
  return () => ({
    method: 'GET',
    path: `/subjects/${seeded.subjectIds[k++ % n]}/contactability?topicId=${CHECKED_TOPIC}&channel=email`,
  });
}

/** Sequential exports (one client): the latency a DPO sees. Each export records SubjectExported. */
async function exports(
  api: ApiProcess,
  subjectId: string,
  auth: Record<string, string>,
  count = 20,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${api.baseUrl}/subjects/${subjectId}/export`, { headers: auth });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${body.slice(0, 200)}`);
    times.push(performance.now() - started);
  }
  return times;
}

function cpuPerRequest(pid: number, before: number | undefined, requests: number): number | undefined {
  const after = cpuSeconds(pid);
  return before === undefined || after === undefined ? undefined : ((after - before) * 1000) / requests;
}

type Run = { seconds: number; connections: number; headers: Record<string, string> };

/** Grants over `runs` autocannon runs, and how many events they appended per 2xx (read from /health). */
async function grantRuns(api: ApiProcess, seeded: Seeded, run: Run, runs: number) {
  const next = grants(seeded);
  await load({ ...run, url: api.baseUrl, next });
  const headBefore = await headPosition(api.baseUrl);
  const cpuBefore = cpuSeconds(api.pid);
  const grant = await repeat(runs, () => load({ ...run, url: api.baseUrl, next }));
  const answered = grant.reduce((sum, r) => sum + r.ok, 0);
  const eventsPerGrant = ((await headPosition(api.baseUrl)) - headBefore) / answered;
  return { grant, eventsPerGrant, grantCpuMs: cpuPerRequest(api.pid, cpuBefore, answered) };
}

/** The api's contactability route and the bare Fastify route take turns, so both see the same machine. */
async function contactabilityRuns(api: ApiProcess, bare: ApiProcess, seeded: Seeded, run: Run, runs: number) {
  const next = checks(seeded);
  const contactability: LoadResult[] = [];
  const bareFastify: LoadResult[] = [];
  // Unrecorded warm-up of both servers (JIT, caches), as repeat() does for the other figures.
  await load({ ...run, url: api.baseUrl, next });
  await load({ ...run, url: bare.baseUrl, next });
  let cpu = 0;
  await repeat(runs, async () => {
    const before = cpuSeconds(api.pid) ?? 0;
    contactability.push(await load({ ...run, url: api.baseUrl, next }));
    cpu += (cpuSeconds(api.pid) ?? 0) - before;
    bareFastify.push(await load({ ...run, url: bare.baseUrl, next }));
  });
  const answered = contactability.reduce((sum, r) => sum + r.ok, 0);
  return { contactability, bareFastify, checkCpuMs: (cpu * 1000) / answered };
}

export async function httpBench(
  dataDir: string,
  seeded: Seeded,
  settings: HttpSettings,
  log: (line: string) => void,
): Promise<HttpFigures> {
  const key = createApiKey(dataDir, `bench-${Date.now()}`, ['crm']);
  const auth = { authorization: `Bearer ${key}` };
  const nodeArgs = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
  const api = await startApi({ dataDir, nodeArgs, timeoutMs: 120_000 });
  const bare = await startApi({ dataDir, script: join(__dirname, 'fastify-child.ts') });
  try {
    await waitForProjections(api.baseUrl, 300_000);
    const run = { seconds: settings.seconds, connections: settings.connections, headers: auth };
    log('http: grant consent');
    const grants = await grantRuns(api, seeded, run, settings.runs);
    log('http: contactability, api and bare Fastify in turn');
    const checks = await contactabilityRuns(api, bare, seeded, run, settings.runs);
    log('http: export of a subject with 1,000 events');
    const exportRuns = await repeat(settings.runs, () => exports(api, seeded.longSubjectId, auth), true);
    const exportMs = { p50: exportRuns.map((t) => median(t)), p99: exportRuns.map((t) => percentile(t, 99)) };
    return { ...grants, ...checks, exportMs, peakRssMiB: peakRssMiB(api.pid) };
  } finally {
    await api.stop();
    await bare.stop();
  }
}
