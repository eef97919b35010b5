import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SUBJECT_STREAM_PREFIX } from '#domain';
import { bearer, bootApp, createRoleKeys, tempDataDir } from '../e2e/support/boot';
import { tamperedCopy } from './support/tampered-copy';
import { ledger, runMain } from './support/ledger-cli';

/**
 * Issue #14 part 1: a log rolled back together with the checkpoints that covered it passes every
 * check the log can make of itself; checkpoints kept outside it (exported, or AUDIT_ANCHOR_DIR) catch it.
 */
describe('ledger verify --anchors: a rolled-back or edited log is caught', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-anchors-'));
  const anchorDir = join(scratch, 'kept');
  const exported = join(scratch, 'exported.jsonl');
  const receiptFile = join(scratch, 'receipt.json');
  const publicKeyFile = join(scratch, 'ledger.pem');
  let dataDir: string;
  let anchors: Array<{ revision: number; checkpoint: { logSize: number; position: number } }>;

  /** Given a grant, a first checkpoint, then a revocation and a second checkpoint, with anchors kept outside. */
  beforeAll(async () => {
    dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({ dataDir, env: { AUDIT_ANCHOR_DIR: anchorDir } });
    const send = (method: 'POST' | 'GET', url: string, role: 'admin' | 'dpo' | 'crm', payload?: object) =>
      booted.app.inject({ method, url, payload, headers: bearer(keys[role]) });
    await send('POST', '/topics', 'admin', {
      id: 'news',
      title: 'Newsletter',
      description: 'News',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    });
    await send('POST', '/topics/news/versions', 'dpo', { text: 'Yes', language: 'en', change: 'material' });
    const subjectId = (
      await send('POST', '/subjects', 'crm', {
        locale: 'en',
        contactPoints: [{ channel: 'email', address: 'a@example.org' }],
        profile: {},
      })
    ).json().subjectId as string;
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    await send('POST', `/subjects/${subjectId}/consents`, 'crm', { topicId: 'news', channel: 'email', evidence });
    expect((await send('POST', '/audit/checkpoints', 'admin')).json().recorded).toBe(true);
    writeFileSync(receiptFile, (await send('GET', `/subjects/${subjectId}/consents/news/email/receipt`, 'crm')).body);
    writeFileSync(
      publicKeyFile,
      (await booted.app.inject({ method: 'GET', url: '/audit/public-key' })).json().publicKeyPem,
    );
    await send('POST', `/subjects/${subjectId}/consents/revoke`, 'crm', { topicId: 'news', channel: 'email' });
    expect((await send('POST', '/audit/checkpoints', 'admin')).json().recorded).toBe(true);
    // Kept (fsynced) before the checkpoint is reported.
    expect(readFileSync(join(anchorDir, 'audit-anchors.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    await booted.close();
    expect((await ledger(dataDir, ['checkpoints', '--export', exported])).code).toBe(0);
    anchors = readFileSync(exported, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  }, 30_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const tampered = (name: string, change: (db: Database.Database) => void) =>
    tamperedCopy(dataDir, scratch, name, change);

  it('keeps each new anchor in AUDIT_ANCHOR_DIR as the same JSON line the export writes', () => {
    expect(readFileSync(join(anchorDir, 'audit-anchors.jsonl'), 'utf8')).toBe(readFileSync(exported, 'utf8'));
    expect(anchors.map((a) => a.revision)).toEqual([0, 1]);
  });

  it('holds both kept anchors on the untouched log', async () => {
    const run = await ledger(dataDir, ['verify', '--anchors', exported]);
    expect(run.stdout).toContain('kept anchors: 2 of 2 hold');
    expect(run.code).toBe(0);
  });

  it('catches the log rolled back past the revocation with its checkpoint, which plain verify passes', async () => {
    const first = anchors[0]!.checkpoint;
    const copy = tampered('rolled-back', (db) =>
      db.prepare('DELETE FROM events WHERE position > ?').run(first.position),
    );
    expect((await ledger(copy, ['verify'])).code).toBe(0);
    const run = await ledger(copy, ['--json', 'verify', '--anchors', join(anchorDir, 'audit-anchors.jsonl')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.keptAnchors).toMatchObject({
      checked: 2,
      holding: 1,
      broken: [{ line: 2, revision: 1, problem: 'truncated', fromLeaf: first.logSize, afterPosition: first.position }],
    });
    const human = await ledger(copy, ['verify', '--anchors', exported]);
    expect(human.stdout).toMatch(
      /anchor not holding: anchor on line 2, audit-anchors revision 1 \(size \d+, position \d+, taken .*\): the log holds \d+ events, the anchor vouches for \d+/,
    );
  });

  it('names the anchor and the position from which it fails when one covered event is edited or two are swapped', async () => {
    const first = anchors[0]!.checkpoint;
    const edited = tampered('edited', (db) => {
      const row = db.prepare("SELECT position, data FROM events WHERE type = 'ConsentRevoked'").get() as {
        position: number;
        data: string;
      };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        row.data.replace('"channel":"email"', '"channel":"emaiL"'),
        row.position,
      );
    });
    const report = JSON.parse((await ledger(edited, ['--json', 'verify', '--anchors', exported])).stdout);
    expect(report.keptAnchors.broken).toEqual([
      expect.objectContaining({ revision: 1, problem: 'changed', fromLeaf: first.logSize }),
    ]);
    const swapped = tampered('swapped', (db) => {
      const [a, b] = db
        .prepare('SELECT position FROM events WHERE stream LIKE ? ORDER BY position LIMIT 2')
        .all(`${SUBJECT_STREAM_PREFIX}%`) as Array<{ position: number }>;
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a!.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a!.position, b!.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b!.position);
    });
    const run = await ledger(swapped, ['verify', '--anchors', exported]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /anchor not holding: anchor on line 1, audit-anchors revision 0 .*no longer holds from leaf 0 \(position \d+\) on/,
    );
  });

  it('checks a receipt with the inclusion proof of its grant offline, with the public key alone', async () => {
    const run = await ledger(scratch, ['verify-receipt', receiptFile, '--public-key', publicKeyFile]);
    expect(run.stdout).toMatch(
      /^VALID: signed by ed25519:[0-9a-f]{16}, unchanged; the grant is leaf \d+ of the log's tree of \d+ events its checkpoint signs/,
    );
    expect(run.code).toBe(0);
  });

  it('refuses to start with AUDIT_ANCHOR_DIR inside DATA_DIR, in one line', async () => {
    const run = await runMain('apps/api/src/main.ts', [], {
      DATA_DIR: dataDir,
      AUDIT_ANCHOR_DIR: join(dataDir, 'anchors'),
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/cannot start: AUDIT_ANCHOR_DIR: must lie outside DATA_DIR/),
    ]);
  });
});
