import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

type Row = Record<string, unknown> & { subjectId: string; status: string; recordedAt: string; eventIds: string[] };

/**
 * Art. 5(2): "the controller shall be responsible for, and be able to demonstrate compliance".
 * An auditor pulls the consent records of all subjects in one report, pseudonymous.
 */
describe('GDPR Art. 5(2): the auditors’ consent report (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let position = 0;
  const subjects: string[] = [];

  const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object, headers = {}) =>
    app.inject({ method, url, payload, headers: { ...bearer(keys[role]!), ...headers } });

  async function command(url: string, payload: object, role = 'crm') {
    const res = await send('POST', url, role, payload);
    expect(res.statusCode).toBeLessThan(300);
    position = Math.max(position, res.json().position);
    return res.json();
  }

  const report = (query = '', accept = 'application/x-ndjson', role = 'auditor') =>
    send('GET', `/consents/report${query}`, role, undefined, { accept, 'x-min-position': String(position) });
  const rows = (body: string): Row[] =>
    body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    app = booted.app;
    for (const id of ['rep-news', 'rep-offers']) {
      const definition = { title: id, description: id, legalBasis: 'consent', personalFields: [], retentionDays: 30 };
      await command('/topics', { id, allowedChannels: ['email', 'sms'], ...definition }, 'admin');
      await command(`/topics/${id}/versions`, { text: `Yes to ${id}`, language: 'en', change: 'material' }, 'dpo');
    }
    for (let i = 0; i < 4; i += 1) {
      const contactPoints = [{ channel: 'email', address: `person${i}@example.org` }];
      const { subjectId } = await command('/subjects', { locale: 'de-DE', contactPoints, profile: {} });
      subjects.push(subjectId);
      for (const topicId of ['rep-news', 'rep-offers']) {
        const evidence = {
          method: 'checkbox',
          capturedAt: new Date().toISOString(),
          sourceSystem: '=HYPERLINK("x")',
          textVersion: 1,
          affirmativeAction: true,
        };
        await command(`/subjects/${subjectId}/consents`, { topicId, channel: 'email', evidence });
      }
    }
    await command(`/subjects/${subjects[0]}/consents/revoke`, { topicId: 'rep-news', channel: 'email' });
  });
  afterAll(() => booted.close());

  it('given grants and a withdrawal, when an auditor pulls the report, then every record streams once, oldest first', async () => {
    const res = await report();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const all = rows(res.body);
    expect(all).toHaveLength(8);
    const order = all.map((r) => `${r.recordedAt} ${r.subjectId}`);
    expect(order).toEqual([...order].sort());
    expect(Object.keys(all[0]!).sort()).toEqual(
      [
        'capturedAt',
        'channel',
        'eventIds',
        'evidenceMethod',
        'recordedAt',
        'status',
        'subjectId',
        'textVersion',
        'topicId',
      ].sort(),
    );
    const withdrawn = all.find((r) => r.subjectId === subjects[0] && r.topicId === 'rep-news')!;
    expect(withdrawn).toMatchObject({ status: 'revoked', evidenceMethod: 'checkbox', textVersion: 1 });
    expect(withdrawn.eventIds).toHaveLength(2);
    expect(res.body).not.toMatch(/example\.org|HYPERLINK/);
  });

  it('filters by topicId, channel, status and recorded time', async () => {
    expect(rows((await report('?topicId=rep-news&channel=email&status=granted')).body)).toHaveLength(3);
    expect(rows((await report('?status=revoked')).body).map((r) => r.subjectId)).toEqual([subjects[0]]);
    const all = rows((await report()).body);
    const middle = all[3]!.recordedAt;
    const since = rows((await report(`?from=${encodeURIComponent(middle)}`)).body);
    expect(since.every((r) => r.recordedAt >= middle)).toBe(true);
    expect(rows((await report(`?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).body)).toEqual([]);
  });

  it('pages by cursor with a Link rel="next" until the last page, losing and repeating nothing', async () => {
    const all = rows((await report()).body);
    const seen: Row[] = [];
    let url: string | undefined = '?limit=3';
    let pages = 0;
    while (url !== undefined) {
      const res = await report(url);
      seen.push(...rows(res.body));
      pages += 1;
      const link = res.headers.link as string | undefined;
      url = link ? /^<\/consents\/report(\?[^>]+)>; rel="next"$/.exec(link)![1] : undefined;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('answers CSV with a header row and every field quoted as RFC 4180 says', async () => {
    const res = await report('?status=revoked', 'text/csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      '"subjectId","topicId","channel","contactPointId","status","textVersion","evidenceMethod","capturedAt","recordedAt","eventIds"',
    );
    expect(lines[1]).toMatch(new RegExp(`^"${subjects[0]}","rep-news","email","","revoked","1","checkbox",`));
    expect(lines).toHaveLength(3);
  });

  it.each([
    ['?status=maybe', 400, 'VALIDATION.FAILED', 'status'],
    ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'REPORT.RANGE_INVALID', 'from'],
    ['?cursor=not-a-cursor', 400, 'REPORT.CURSOR_INVALID', 'cursor'],
    ['?limit=0', 400, 'VALIDATION.FAILED', 'limit'],
    ['?topic=rep-news', 400, 'VALIDATION.FAILED', 'topic'],
    ['?channel=pigeon', 400, 'VALIDATION.FAILED', 'channel'],
  ])('refuses %s naming the field and rule', async (query, status, code, field) => {
    const res = await report(query);
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).toContain(`"${field}"`);
  });

  it('refuses an Accept it cannot serve with 406 naming Accept, and callers outside auditor, dpo, admin', async () => {
    const res = await report('', 'application/pdf');
    expect(res.json()).toMatchObject({ statusCode: 406, code: 'HTTP.NOT_ACCEPTABLE', field: 'Accept' });
    expect((await report('', 'text/csv;q=0, */*;q=0.1')).headers['content-type']).toContain('application/x-ndjson');
    expect((await report('', undefined, 'crm')).statusCode).toBe(403);
    expect((await report('', undefined, 'dpo')).statusCode).toBe(200);
  });
});
