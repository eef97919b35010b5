import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { generatedSubject, openImportFixture } from './import-support';

const root = resolve(__dirname, '..', '..');
const cli = ['-r', join(root, 'test/fixtures/swc-register.js'), join(root, 'apps/cli/src/main.ts')];
const SUBJECTS = 5_000;
const RECORDS = SUBJECTS * 4;
/** The two topics' definitions and text versions. */
const TOPIC_EVENTS = 4;

/** `ledger import` as an operator runs it, killed with SIGKILL half-way and run again. */
describe('ledger import (CLI)', () => {
  let dir: string;
  let dataDir: string;
  let file: string;
  const env = () => ({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const ledger = (...args: string[]) =>
    spawnSync(process.execPath, [...cli, ...args], { env: env(), encoding: 'utf8', timeout: 120_000 });
  const head = () => {
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT coalesce(max(position), 0) AS head FROM events').get() as { head: number }).head;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-import-cli-'));
    dataDir = join(dir, 'data');
    const fixture = await openImportFixture(dataDir);
    await fixture.closeStores();
    file = join(dir, 'crm-export.ndjson');
    const lines = Array.from({ length: SUBJECTS }, (_, i) =>
      generatedSubject(i)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes after SIGKILL: the re-run skips what was applied and the log ends with every record exactly once', async () => {
    const child = spawn(process.execPath, [...cli, 'import', file], { env: env(), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    const deadline = Date.now() + 90_000;
    while (head() < TOPIC_EVENTS + 500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const applied = head() - TOPIC_EVENTS;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(RECORDS);

    const rerun = ledger('--json', 'import', file);
    expect(rerun.status).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({ records: RECORDS, refused: 0, imported: RECORDS - applied, duplicates: applied });
    expect(head()).toBe(TOPIC_EVENTS + RECORDS);
    expect(JSON.parse(readFileSync(`${file}.report.json`, 'utf8'))).toMatchObject({
      runId: report.runId,
      imported: RECORDS - applied,
    });
  }, 180_000);

  it('imports nothing the third time, and says so on screen', () => {
    const again = ledger('import', file);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${RECORDS} records: 0 imported, ${RECORDS} skipped as duplicates, 0 refused`);
    expect(head()).toBe(TOPIC_EVENTS + RECORDS);
  }, 120_000);

  it('stops with one clear line and exit code 2 when the file cannot be read', () => {
    const missing = join(dir, 'missing.ndjson');
    const result = ledger('import', missing);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([`ledger: cannot read ${missing}: ENOENT`]);
    expect(existsSync(`${missing}.report.json`)).toBe(false);
  }, 60_000);

  it('exits 1 and lists the refusal when a record is refused', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'kind,sourceSystem,externalId,topicId,channel,capturedAt,affirmativeAction\nconsent,crm,X-1,newsletter,email,2021-01-01T00:00:00Z,true\n',
    );
    const result = ledger('import', bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('line 2 field externalId: SUBJECT.NOT_FOUND');
  }, 60_000);
});
