import { createTypedClient } from '../../apps/dashboard/src/api/typed-client';
import { ApiError } from '../../apps/dashboard/src/api/api-error';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/**
 * A client typed only from the generated schema (apps/dashboard/src/api/schema.d.ts) against the
 * real app: tsc checks every route, input and answer field below (npm test's typecheck), and the
 * calls show those types hold for the answers the app really sends.
 */
describe('a client typed from the generated OpenAPI types', () => {
  let booted: BootedApp;
  let keys: ReturnType<typeof createRoleKeys>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, listen: true });
  });
  afterAll(() => booted.close());

  it('registers, grants and reads back a profile and a contactability decision', async () => {
    const baseUrl = await booted.app.getUrl();
    const admin = createTypedClient(baseUrl, keys.admin);
    const crm = createTypedClient(baseUrl, keys.crm);
    const journey = createTypedClient(baseUrl, keys.journey);
    const topic = {
      id: 'news',
      title: 'News',
      description: 'Monthly news',
      allowedChannels: ['email'],
      legalBasis: 'consent' as const,
      personalFields: [],
      retentionDays: 365,
    };
    await admin('post', '/topics', { body: topic });
    const version = await admin('post', '/topics/{id}/versions', {
      path: { id: 'news' },
      body: { text: 'Yes, news.', language: 'en', change: 'material' },
    });
    expect(version.events.map((event) => event.type)).toEqual(['ConsentTextVersionPublished']);

    const registered = await crm('post', '/subjects', {
      body: { locale: 'de-DE', contactPoints: [{ channel: 'email', address: 'typed@example.org' }] },
    });
    const evidence = {
      method: 'checkbox' as const,
      capturedAt: new Date(Date.now() - 1000).toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    const granted = await crm('post', '/subjects/{id}/consents', {
      path: { id: registered.subjectId },
      body: { topicId: 'news', channel: 'email', evidence },
    });
    expect(granted.replayed).toBe(false);

    const profile = await crm('get', '/subjects/{id}', {
      path: { id: registered.subjectId },
      minPosition: granted.position,
    });
    const cell = profile.consents.find((consent) => consent.topicId === 'news');
    expect({
      status: cell?.status,
      textVersion: cell?.textVersion,
      address: profile.contactPoints?.[0]?.address,
    }).toEqual({ status: 'granted', textVersion: 1, address: 'typed@example.org' });

    const decision = await journey('get', '/subjects/{id}/contactability', {
      path: { id: registered.subjectId },
      query: { topicId: 'news', channel: 'email' },
      minPosition: granted.position,
    });
    expect({
      allowed: decision.allowed,
      points: decision.contactPointIds.length,
      legalBasis: decision.legalBasis,
    }).toEqual({ allowed: true, points: 1, legalBasis: 'consent' });
  });

  it('surfaces a documented refusal as an ApiError with its code', async () => {
    const crm = createTypedClient(await booted.app.getUrl(), keys.crm);
    const refused = crm('get', '/topics/{id}', { path: { id: 'missing' } });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 404, code: 'TOPIC.NOT_FOUND' });
  });
});
