import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { subjectStreamName, topicStreamName } from '#domain';
import { bearer, bootApp, createRoleKeys, tempDataDir } from '../e2e/support/boot';
import { tamperedCopy } from './support/tampered-copy';
import { ledger } from './support/ledger-cli';

describe('ledger CLI: verify, checkpoints, history, state-at, verify-receipt', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  let dataDir: string;
  let subjectId: string;
  let receipt: Record<string, unknown>;
  let between: string;

  /** Given a ledger with two subjects, a grant, a revocation, a receipt and an anchor. */
  beforeAll(async () => {
    dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({ dataDir });
    const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object) =>
      booted.app.inject({ method, url, payload, headers: bearer(keys[role as 'admin']) });
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
    const subject = async () =>
      (
        await send('POST', '/subjects', 'crm', {
          locale: 'en',
          contactPoints: [{ channel: 'email', address: 'a@example.org' }],
          profile: {},
        })
      ).json().subjectId as string;
    subjectId = await subject();
    const other = await subject();
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    for (const id of [subjectId, other])
      await send('POST', `/subjects/${id}/consents`, 'crm', { topicId: 'news', channel: 'email', evidence });
    receipt = (await send('GET', `/subjects/${subjectId}/consents/news/email/receipt`, 'crm')).json();
    await new Promise((r) => setTimeout(r, 5));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await send('POST', `/subjects/${other}/consents/revoke`, 'crm', { topicId: 'news', channel: 'email' });
    expect((await send('POST', '/audit/checkpoints', 'admin')).json().recorded).toBe(true);
    await booted.close();
  }, 30_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const tampered = (name: string, change: (db: Database.Database) => void) =>
    tamperedCopy(dataDir, scratch, name, change);

  const subjectRows = (db: Database.Database, stream: string) =>
    db.prepare('SELECT position, revision, data FROM events WHERE stream = ? ORDER BY revision').all(stream) as Array<{
      position: number;
      revision: number;
      data: string;
    }>;

  it('verifies an untouched ledger: exit 0 with counts, progress on stderr', async () => {
    const run = await ledger(dataDir, ['verify']);
    expect(run.stdout).toMatch(/^OK: 4 streams, 8 events, 1 anchors verified/);
    expect(run.stderr).toMatch(/verify: position \d+ of \d+/);
    expect(run.code).toBe(0);
  });

  it('locates one changed byte of one stored event: exit 1 naming stream, revision and both hashes', async () => {
    const copy = tampered('byte', (db) => {
      const row = subjectRows(db, subjectStreamName(subjectId))[1]!;
      const changed = row.data.replace('"sourceSystem":"shop"', '"sourceSystem":"shoq"');
      expect(changed).not.toBe(row.data);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(changed, row.position);
    });
    const run = await ledger(copy, ['--json', 'verify']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(report).toMatchObject({
      ok: false,
      firstBreak: {
        stream: subjectStreamName(subjectId),
        revision: 1,
        kind: 'hash',
        expected: expect.stringMatching(/^[0-9a-f]{64}$/),
        found: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(report.firstBreak.expected).not.toBe(report.firstBreak.found);
  });

  it('detects a removed event and two reordered events', async () => {
    const removed = tampered('removed', (db) =>
      db.prepare('DELETE FROM events WHERE stream = ? AND revision = 0').run(topicStreamName('news')),
    );
    expect(JSON.parse((await ledger(removed, ['--json', 'verify'])).stdout).firstBreak).toMatchObject({
      stream: topicStreamName('news'),
      revision: 1,
      kind: 'revision',
    });
    const swapped = tampered('swapped', (db) => {
      const [a, b] = subjectRows(db, subjectStreamName(subjectId));
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a!.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a!.position, b!.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b!.position);
    });
    const run = await ledger(swapped, ['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`first broken link: subject-${subjectId} revision 1`);
  });

  it('names the anchor that no longer matches when the last event of a stream is gone', async () => {
    const copy = tampered('truncated', (db) => {
      const rows = subjectRows(db, subjectStreamName(subjectId));
      db.prepare('DELETE FROM events WHERE position = ?').run(rows[rows.length - 1]!.position);
    });
    const run = await ledger(copy, ['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/anchor no longer matching: audit-anchors revision 0 .*merkleRoot/);
  });

  it('exits 2 on a usage error: a missing public key file, a malformed time', async () => {
    expect((await ledger(dataDir, ['verify', '--public-key', join(scratch, 'none.pem')])).code).toBe(2);
    const run = await ledger(dataDir, ['state-at', subjectId, 'last tuesday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('at must be an ISO-8601 time');
  });

  it('checks a receipt offline: valid as issued, invalid with one field changed', async () => {
    const good = join(scratch, 'receipt.json');
    const bad = join(scratch, 'receipt-changed.json');
    writeFileSync(good, JSON.stringify(receipt));
    writeFileSync(bad, JSON.stringify({ ...receipt, jurisdiction: 'elsewhere' }));
    const valid = await ledger(dataDir, ['verify-receipt', good]);
    expect({ code: valid.code, out: valid.stdout }).toEqual({ code: 0, out: expect.stringMatching(/^VALID/) });
    const invalid = await ledger(dataDir, ['verify-receipt', bad]);
    expect({ code: invalid.code, out: invalid.stdout }).toEqual({
      code: 1,
      out: expect.stringMatching(/^INVALID: the signature does not match/),
    });
  });

  it('prints history and state-at, and exports checkpoints as JSON lines', async () => {
    const history = await ledger(dataDir, ['history', subjectId, '--lang', 'de']);
    expect(history.stdout).toContain('Einwilligung für Newsletter per E-Mail erteilt (Checkbox, Textversion 1)');
    const state = JSON.parse((await ledger(dataDir, ['--json', 'state-at', subjectId, between])).stdout);
    expect(state.consents).toEqual([
      expect.objectContaining({
        topicId: 'news',
        status: 'granted',
        restsOn: [receipt.proof && (receipt.proof as { eventId: string }).eventId],
      }),
    ]);
    const file = join(scratch, 'anchors.jsonl');
    expect((await ledger(dataDir, ['checkpoints', '--export', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        revision: 0,
        checkpoint: expect.objectContaining({ logSize: 7, tree: 'rfc6962:global-order:v1' }),
      }),
    ]);
  });
});
