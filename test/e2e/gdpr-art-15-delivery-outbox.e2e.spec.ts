import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, bootApp, createRoleKeys, tempDataDir } from './support/boot';
import { startSmtp, until } from './support/journey-receivers';

const ADDRESS = 'erika.auskunft@example.org';

/** Art. 17: the development file transport holds the mail only while its link lives, and never after erasure. */
describe('GDPR Art. 15(3), 17: the file-mode mail of a copy goes with the person (e2e)', () => {
  it('writes the mail, removes it once opened, and removes every mail of the subject on erasure', async () => {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({ dataDir });
    const send = (method: 'POST' | 'GET', url: string, role: keyof typeof keys, payload?: object) =>
      booted.app.inject({ method, url, payload, headers: bearer(keys[role]) });
    try {
      const body = { locale: 'en', contactPoints: [{ channel: 'email', address: ADDRESS }] };
      const { subjectId } = (await send('POST', '/subjects', 'crm', body)).json();
      const first = (await send('POST', `/subjects/${subjectId}/export/deliveries`, 'dpo', {})).json();
      const second = (await send('POST', `/subjects/${subjectId}/export/deliveries`, 'dpo', {})).json();
      const file = (deliveryId: string) => join(dataDir, 'outbox-mail', subjectId, `export-${deliveryId}.eml`);
      await until('both mail files', () => existsSync(file(first.deliveryId)) && existsSync(file(second.deliveryId)));
      const eml = readFileSync(file(first.deliveryId), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const token = decodeURIComponent(/export-downloads\?token=([A-Za-z0-9%._-]+)/.exec(eml)![1]);
      const opened = await booted.app.inject({ method: 'POST', url: '/export-downloads', payload: { token } });
      expect(opened.statusCode).toBe(200);
      await until('the opened link’s mail removed', () => !existsSync(file(first.deliveryId)));
      expect(existsSync(file(second.deliveryId))).toBe(true);
      expect((await send('POST', `/subjects/${subjectId}/erasure`, 'dpo', {})).statusCode).toBe(200);
      await until('the subject’s mails removed', () => !existsSync(join(dataDir, 'outbox-mail', subjectId)));
    } finally {
      await booted.close();
    }
  });
});

/** The outbox records each mail with its checkpoint: a restart sends nothing twice and loses nothing. */
describe('GDPR Art. 15(3): the export mail outbox across a restart (e2e)', () => {
  it('mails each delivery once, also when the app restarts before and after the send', async () => {
    const smtp = await startSmtp();
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Ledger <no-reply@ledger.test>' };
    const stopped = await bootApp({ dataDir, env: { ...env, JOURNEY_WORKERS: 'false' } });
    const post = (app: NestFastifyApplication, url: string, role: keyof typeof keys, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: bearer(keys[role]) });
    const body = { locale: 'en', contactPoints: [{ channel: 'email', address: ADDRESS }] };
    const { subjectId } = (await post(stopped.app, '/subjects', 'crm', body)).json();
    const first = (await post(stopped.app, `/subjects/${subjectId}/export/deliveries`, 'dpo', {})).json();
    await stopped.close();
    const mailed = (id: string) => smtp.mails.filter((m) => m.raw.includes(`<export-${id}@ledger.test>`));
    try {
      const running = await bootApp({ dataDir, env });
      await until('the mail of the delivery made while no worker ran', () => mailed(first.events[0].id).length === 1);
      const second = (await post(running.app, `/subjects/${subjectId}/export/deliveries`, 'dpo', {})).json();
      await until('the second mail', () => mailed(second.events[0].id).length === 1);
      await running.close();
      const again = await bootApp({ dataDir, env });
      await new Promise((resolve) => setTimeout(resolve, 800));
      await again.close();
      expect(smtp.mails).toHaveLength(2);
    } finally {
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
