import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from './boot';

/** The personal values of the test person; every proof-of-forgetting scan looks for these. */
export const PERSON = {
  email: 'Greta.Forgotten@example.org',
  firstName: 'Gretabelle',
  lastName: 'Vergessenova',
  phone: '+49 151 98765432',
  /** Linked as `crm:<crmId>`: an identity link is personal data too. */
  crmId: 'CRM-GRETA-4471923',
};

type Method = 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE';

/** Drives the privacy routes of an app booted with createRoleKeys. */
export function privacyDriver(app: NestFastifyApplication, keys: Record<string, string>) {
  const send = (method: Method, url: string, role: string, payload?: object, headers: Record<string, string> = {}) =>
    app.inject({ method, url, payload, headers: { ...headers, ...bearer(keys[role]) } });

  async function defineTopic(id: string, retentionDays = 730) {
    const topic = {
      id,
      title: 'Newsletter',
      description: 'Monthly news',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays,
    };
    expectStatus(await send('POST', '/topics', 'admin', topic), 201);
    expectStatus(
      await send('POST', `/topics/${id}/versions`, 'dpo', {
        text: `Yes, send me ${id}.`,
        language: 'en',
        change: 'material',
      }),
      201,
    );
  }

  async function registerPerson(topicId?: string): Promise<string> {
    const contactPoints = [
      { channel: 'email', address: PERSON.email },
      { channel: 'sms', address: PERSON.phone },
    ];
    const res = await send('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints,
      profile: { firstName: PERSON.firstName, lastName: PERSON.lastName },
      externalIds: [{ system: 'crm', id: PERSON.crmId }],
    });
    expectStatus(res, 201);
    const { subjectId } = res.json();
    if (topicId !== undefined) {
      const evidence = {
        method: 'checkbox',
        capturedAt: new Date(Date.now() - 60_000).toISOString(),
        sourceSystem: 'shop',
        textVersion: 1,
        ipAddress: '198.51.100.23',
        userAgent: 'GretaBrowser/1.0',
        affirmativeAction: true,
      };
      expectStatus(
        await send('POST', `/subjects/${subjectId}/consents`, 'crm', { topicId, channel: 'email', evidence }),
        200,
      );
    }
    return subjectId;
  }

  return { send, defineTopic, registerPerson };
}

export function expectStatus(res: { statusCode: number; body: string }, status: number): void {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}
