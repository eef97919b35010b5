import type { RecordingClient } from './contract-scenario';

/** Every Privacy Center route once, from a footer link: the page, each action, the export, sign-out. */
export async function privacyCenterFlows(client: RecordingClient, subjectId: string): Promise<void> {
  const { url } = await client.expect(201, 'POST', '/privacy-center-links', { role: 'journey', body: { subjectId } });
  await client.expect(202, 'POST', '/privacy-center/sign-in', { body: { email: 'nobody@example.org' } });
  const token = new URL(url).hash.slice('#link='.length);
  const { csrfToken } = await client.expect(200, 'POST', '/privacy-center/session', { body: { token, kind: 'link' } });
  const headers = { cookie: client.cookie!, 'x-csrf-token': csrfToken };
  const act = (path: string, body: object) => client.expect(200, 'POST', `/privacy-center/${path}`, { headers, body });
  await client.expect(200, 'GET', '/privacy-center/me', { headers });
  await act('consents', { topicId: 'news', channel: 'email', textVersion: 1 });
  await act('revocations', { topicId: 'news', channel: 'email' });
  await act('objections', { kind: 'profiling' });
  await act('blocks', { kind: 'channel', channel: 'sms' });
  await act('requests', { kind: 'rectification', field: 'firstName', correction: 'Erika' });
  await client.expect(200, 'GET', '/privacy-center/export', { headers });
  await client.expect(204, 'DELETE', '/privacy-center/session', { headers });
}

/** Without a session, without the CSRF token, with a forged link. */
export async function privacyCenterRefusals(client: RecordingClient): Promise<void> {
  await client.expect(401, 'GET', '/privacy-center/me');
  await client.expect(401, 'POST', '/privacy-center/session', { body: { token: 'forged.token', kind: 'link' } });
  await client.expect(400, 'POST', '/privacy-center/sign-in', { body: { email: 'not an address' } });
  await client.expect(401, 'POST', '/privacy-center/revocations', {
    headers: { cookie: 'pc_session=forged' },
    body: { topicId: 'news' },
  });
}
