import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './boot';
import { EVIDENCE } from './contract-scenario';
import { startSmtp } from './journey-receivers';
import { fragmentToken } from './privacy-center-client';

/** The real app with a loopback SMTP server, and the CRM-side steps the Privacy Center tests start from. */
export class PrivacyCenterWorld {
  private constructor(
    readonly booted: BootedApp,
    readonly app: NestFastifyApplication,
    readonly keys: Record<string, string>,
    readonly smtp: Awaited<ReturnType<typeof startSmtp>>,
  ) {}

  static async boot(env: Record<string, string> = {}): Promise<PrivacyCenterWorld> {
    const smtp = await startSmtp();
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({
      dataDir,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Ledger <no-reply@ledger.test>',
        PUBLIC_BASE_URL: 'https://ledger.test',
        ...env,
      },
    });
    return new PrivacyCenterWorld(booted, booted.app, keys, smtp);
  }

  async close(): Promise<void> {
    await this.booted.close();
    await this.smtp.close();
  }

  send(method: 'POST' | 'GET', url: string, role: string, payload?: object) {
    return this.app.inject({ method, url, payload, headers: bearer(this.keys[role]!) });
  }

  async defineTopic(id: string, declarations: object = {}): Promise<void> {
    const topic = {
      id,
      title: `Topic ${id}`,
      description: `Why we write about ${id}`,
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 365,
      ...declarations,
    };
    expect((await this.send('POST', '/topics', 'admin', topic)).statusCode).toBe(201);
    const text = { text: `Yes, send me ${id}.`, language: 'en', change: 'material' };
    expect((await this.send('POST', `/topics/${id}/versions`, 'dpo', text)).statusCode).toBe(201);
  }

  async register(address: string, locale = 'en'): Promise<{ subjectId: string; contactPointId: string }> {
    const res = await this.send('POST', '/subjects', 'crm', {
      locale,
      contactPoints: [{ channel: 'email', address }],
      profile: {},
    });
    const { subjectId } = res.json();
    const [registered] = await this.history(subjectId);
    return { subjectId, contactPointId: registered.data.contactPoints[0].contactPointId };
  }

  async grant(subjectId: string, topicId: string): Promise<void> {
    const body = { topicId, channel: 'email', evidence: EVIDENCE() };
    const res = await this.send('POST', `/subjects/${subjectId}/consents`, 'crm', body);
    expect(res.statusCode).toBe(200);
  }

  async footerLinkToken(subjectId: string, ttlDays?: number): Promise<string> {
    const res = await this.send('POST', '/privacy-center-links', 'journey', { subjectId, ttlDays });
    expect(res.statusCode).toBe(201);
    return fragmentToken(res.json().url, 'link');
  }

  async history(subjectId: string): Promise<Array<{ type: string; actor: string; data: Record<string, any> }>> {
    return (await this.send('GET', `/subjects/${subjectId}/history`, 'crm')).json();
  }

  /** The profile read model knows the address (the sign-in lookup reads it). */
  lookupFinds(address: string): Promise<unknown> {
    return eventually(`the profile of ${address}`, async () => {
      const found = await this.send('GET', `/subjects?email=${encodeURIComponent(address)}`, 'crm');
      return found.json().items?.length > 0;
    });
  }

  mailsTo(address: string) {
    return this.smtp.mails.filter((mail) => mail.to.includes(address));
  }
}

/** The link in a mail (quoted-printable unfolded). */
export function linkInMail(raw: string, kind: 'signin'): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return new RegExp(`https://ledger\\.test/privacy-center/#${kind}=([^\\s"<]+)`).exec(unfolded)![1]!;
}

/** Polls an asynchronous probe until it answers something truthy (read models catch up). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
