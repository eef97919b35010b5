import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSON } from '../e2e/support/privacy-driver';

const root = join(__dirname, '..', '..');
const register = join(root, 'test', 'fixtures', 'swc-register.js');
const ADMIN_KEY = `plk_${randomBytes(24).toString('base64url')}`;
const SIGNUP_KEY = `signup:${PERSON.email}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {
    MASTER_KEY: _m,
    MASTER_KEY_FILE: _f,
    KURRENTDB_CONNECTION_STRING: _k,
    EVENTSTORE_CONNECTION_STRING: _e,
    MONGODB_URI: _u,
    ...env
  } = process.env;
  return { ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'debug', ADMIN_API_KEY: ADMIN_KEY, ...extra };
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['-r', register, join(root, script), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (run.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ ...run, code })));
  return { child, run, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The real main.ts, as operators run it: every log line of a privacy round trip at debug level
 * holds no personal value; a wrong MASTER_KEY is refused with one line; the CLI finds due erasures.
 */
describe('privacy: the api process and the ledger CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-privacy-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs no personal data, refuses another master key with one clear line, and lists due erasures', async () => {
    const port = await freePort();
    const api = start('apps/api/src/main.ts', [], baseEnv(dataDir, { PORT: String(port) }));
    try {
      await until(() => api.run.stdout.includes('listening on'), 'the api to listen');
      const subjectId = await roundTrip(`http://127.0.0.1:${port}`);
      expect(subjectId).toMatch(/^[0-9a-f-]{36}$/);
      api.child.kill('SIGTERM');
      const done = await api.exited;
      const logged = done.stdout + done.stderr;
      // Everything the process wrote is scanned: start-up, reconcile, projections, errors, shutdown.
      expect(logged).toContain('key vault reconciled with the log: 0 erased subject(s)');
      expect(logged).toContain('projections stopped');
      // Request lines are there (path only: the e-mail lookup's query string never is).
      expect(logged).toMatch(/"path":"\/subjects"\}[^\n]*"msg":"request completed"/);
      // A path that carries an address (a client's mistake or a probe) is logged as its route pattern.
      expect(logged).toMatch(/"path":"\/subjects\/:id"\}[^\n]*"statusCode":400[^\n]*"msg":"request completed"/);
      const encoded = encodeURIComponent(PERSON.email);
      for (const value of [...Object.values(PERSON), encoded, SIGNUP_KEY, '198.51.100.23', 'GretaBrowser'])
        expect(logged).not.toContain(value);
    } finally {
      api.child.kill('SIGKILL');
    }

    const wrong = await start(
      'apps/api/src/main.ts',
      [],
      baseEnv(dataDir, { PORT: String(port), MASTER_KEY: randomBytes(32).toString('base64') }),
    ).exited;
    expect(wrong.code).toBe(1);
    const lines = wrong.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^privacy-ledger: cannot start: MASTER_KEY \(id [0-9a-f]{8}\) does not open this key vault/,
    );
    expect(wrong.stderr).not.toContain('    at ');
    // A setting refused while Nest builds the app (not before) is one line too, without Nest's stack.
    const badKey = await start(
      'apps/api/src/main.ts',
      [],
      baseEnv(dataDir, { PORT: String(port), ADMIN_API_KEY: 'short' }),
    ).exited;
    expect(badKey.code).toBe(1);
    expect(badKey.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^privacy-ledger: cannot start: ADMIN_API_KEY: must be at least 24 characters/),
    ]);

    const dryRun = await start(
      'apps/cli/src/main.ts',
      ['--json', 'retention', '--dry-run', '--at', '2099-01-01T00:00:00.000Z'],
      baseEnv(dataDir),
    ).exited;
    expect(dryRun.code).toBe(0);
    const planned = JSON.parse(dryRun.stdout);
    expect(planned.subjects).toEqual([expect.objectContaining({ why: 'retention', outcome: 'would erase' })]);
    const reconcile = await start('apps/cli/src/main.ts', ['--json', 'reconcile'], baseEnv(dataDir)).exited;
    expect(JSON.parse(reconcile.stdout)).toEqual({ erased: 1, destroyedAgain: 0 });
    // Five processes, each compiling the sources through swc at start: minutes on a loaded machine.
  }, 120_000);
});

/** Topic, a person with consent, revocation, history, export, erasure, export: all as admin. */
async function roundTrip(base: string): Promise<string> {
  const call = async (method: string, path: string, body?: object, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ subjectId: string }>;
  };
  const topic = (id: string) => ({
    id,
    title: 'News',
    description: 'News',
    allowedChannels: ['email'],
    legalBasis: 'consent',
    personalFields: [],
    retentionDays: 1,
  });
  for (const id of ['news-a', 'news-b']) {
    await call('POST', '/topics', topic(id));
    await call('POST', `/topics/${id}/versions`, { text: 'Yes.', language: 'en', change: 'material' });
  }
  const contactPoints = [{ channel: 'email', address: PERSON.email }];
  const profile = { firstName: PERSON.firstName, lastName: PERSON.lastName };
  const evidence = {
    method: 'checkbox',
    capturedAt: new Date(Date.now() - 1000).toISOString(),
    sourceSystem: 'shop',
    textVersion: 1,
    ipAddress: '198.51.100.23',
    userAgent: 'GretaBrowser',
    affirmativeAction: true,
  };
  const people: string[] = [];
  for (const topicId of ['news-a', 'news-b']) {
    const { subjectId } = await call(
      'POST',
      '/subjects',
      { locale: 'de-DE', contactPoints, profile },
      { 'idempotency-key': `${SIGNUP_KEY}:${topicId}` },
    );
    await call('POST', `/subjects/${subjectId}/consents`, { topicId, channel: 'email', evidence });
    await call('POST', `/subjects/${subjectId}/consents/revoke`, { topicId, reason: `${PERSON.firstName} asked` });
    await call('GET', `/subjects/${subjectId}/history`);
    await call('GET', `/subjects/${subjectId}/export`);
    people.push(subjectId);
  }
  await call('GET', `/subjects?email=${encodeURIComponent(PERSON.email)}`);
  for (const path of [`/subjects/${PERSON.email}`, `/subjects/${encodeURIComponent(PERSON.email)}`]) {
    expect((await fetch(base + path, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(400);
  }
  await call('POST', `/subjects/${people[0]}/erasure`, {});
  await call('GET', `/subjects/${people[0]}/export`);
  await fetch(`${base}/subjects/${people[0]}/consents/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ topicId: 'news-a' }),
  });
  return people[1];
}
