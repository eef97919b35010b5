import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSON } from '../e2e/support/privacy-driver';
import { cleanEnv, freePort, HAS_SCRIPT, startApi, type ApiProcess } from './api-process';
import { until } from './projection-support';

const ADMIN_KEY = `plk_${randomBytes(24).toString('base64url')}`;
const PRETTY_LINE = /^\[\d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|DEBUG|ERROR): /;
const SKIPPED = 'log format under a terminal skipped: util-linux `script` (a pseudo-terminal) is not installed';

/** Boots the api, writes a subject with personal data and looks it up by e-mail, then stops it. */
async function exercise(env: Record<string, string>, tty: boolean): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-log-format-'));
  const port = await freePort();
  const api: ApiProcess = startApi(
    cleanEnv({ DATA_DIR: dataDir, PORT: String(port), ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'debug', ...env }),
    { tty },
  );
  try {
    await until('the api to listen', () => api.output().includes('listening on http://'), 30_000);
    const headers = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
    const body = JSON.stringify({
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: PERSON.email }],
      profile: { firstName: PERSON.firstName },
    });
    expect((await fetch(`http://127.0.0.1:${port}/subjects`, { method: 'POST', headers, body })).status).toBe(201);
    await fetch(`http://127.0.0.1:${port}/subjects?email=${encodeURIComponent(PERSON.email)}`, { headers });
    await until('the lookup to be logged', () => /GET[^\n]*\/subjects/.test(api.output()));
    return api.output();
  } finally {
    api.stop();
    await api.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function expectNoPersonalData(output: string): void {
  for (const value of [PERSON.email, encodeURIComponent(PERSON.email), PERSON.firstName])
    expect(output).not.toContain(value);
}

/** Log lines only: the one-time notices of a development start are plain text in both formats. */
const logLines = (output: string) =>
  output.split('\n').filter((line) => line.startsWith('{') || PRETTY_LINE.test(line));

describe('log format of the real api process', () => {
  // Piped stdout without LOG_FORMAT writes JSON: test/integration/privacy-main.spec.ts reads those lines.
  it('writes readable lines to a pipe with LOG_FORMAT=pretty, personal data kept out as in JSON', async () => {
    const output = await exercise({ LOG_FORMAT: 'pretty' }, false);
    const lines = logLines(output);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((line) => PRETTY_LINE.test(line))).toBe(true);
    expect(output).toMatch(/^\[[\d:.]+\] INFO: \[Bootstrap\] listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(output).toMatch(/^\[[\d:.]+\] INFO: request completed: POST \/subjects 201 \d+ ms$/m);
    expect(output).toMatch(/^\[[\d:.]+\] INFO: request completed: GET \/subjects 200 \d+ ms$/m);
    expectNoPersonalData(output);
  });

  if (!HAS_SCRIPT) {
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
    return;
  }

  it('writes readable lines when stdout is a terminal, as after `npm start` in a shell', async () => {
    const output = await exercise({}, true);
    const lines = logLines(output);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(output).toMatch(/^\[[\d:.]+\] INFO: \[Bootstrap\] listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(output).toMatch(/^\[[\d:.]+\] INFO: request completed: GET \/subjects 200 \d+ ms$/m);
    expectNoPersonalData(output);
  });

  it('writes JSON to a terminal when LOG_FORMAT=json', async () => {
    const output = await exercise({ LOG_FORMAT: 'json' }, true);
    const lines = logLines(output);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => PRETTY_LINE.test(line))).toEqual([]);
    const entries = lines.map((line) => JSON.parse(line) as { msg?: string; req?: { path?: string } });
    expect(entries).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/^listening on http:/) }));
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ path: '/subjects' }) }),
    );
    expectNoPersonalData(output);
  });
});
