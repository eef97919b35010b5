import { eventually, PrivacyCenterWorld } from './support/privacy-center-world';

const JSON_ACCEPT = { accept: 'application/json' };

/** Art. 15(3), 32: a mailed download link serves the copy once, whatever its holder sends along. */
describe('Export download links under attack (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot();
  });
  afterAll(() => world?.close());

  async function linkToken(): Promise<{ subjectId: string; token: string }> {
    const { subjectId } = await world.register(`copy-${Math.random().toString(36).slice(2)}@example.org`);
    const delivery = (await world.send('POST', `/subjects/${subjectId}/export/deliveries`, 'dpo', {})).json();
    const mail = await eventually('the export mail', async () =>
      world.smtp.mails.find((m) => m.raw.includes(`<export-${delivery.events[0].id}@`)),
    );
    const raw = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return { subjectId, token: decodeURIComponent(/export-downloads\?token=([A-Za-z0-9%._-]+)/.exec(raw)![1]!) };
  }

  const open = (token: string, headers: Record<string, string> = JSON_ACCEPT) =>
    world.app.inject({ method: 'POST', url: '/export-downloads', payload: { token }, headers });

  it('serves nothing on a second POST that repeats the first one’s Idempotency-Key', async () => {
    const { subjectId, token } = await linkToken();
    const headers = { ...JSON_ACCEPT, 'idempotency-key': 'replay-the-download' };
    expect((await open(token, headers)).statusCode).toBe(200);
    const again = await open(token, headers);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EXPORT_LINK.USED', field: 'token' });
    expect(again.body).not.toContain(subjectId);
    const page = await open(token, { accept: 'text/html', 'idempotency-key': 'replay-the-download' });
    expect(page.statusCode).toBe(409);
    expect(page.body).not.toContain(subjectId);
  });

  it('serves the copy to at most one of two POSTs sent at the same moment', async () => {
    const { subjectId, token } = await linkToken();
    const answers = await Promise.all([open(token), open(token), open(token, { accept: 'text/html' })]);
    const served = answers.filter((answer) => answer.body.includes(subjectId));
    expect(served).toHaveLength(1);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const opened = (await world.history(subjectId)).filter((e) => e.type === 'ExportDeliveryOpened');
    expect(opened).toHaveLength(1);
  });
});
