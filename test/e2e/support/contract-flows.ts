import { randomBytes, randomUUID } from 'node:crypto';
import { EVIDENCE, type RecordingClient } from './contract-scenario';
import { privacyCenterFlows, privacyCenterRefusals } from './privacy-center-flows';

/** Three topics: one retired, one declaring profiling, an automated decision and children (Art. 8, 21, 22). */
async function topicFlows(client: RecordingClient): Promise<void> {
  const topic = {
    title: 'Newsletter',
    description: 'Monthly news',
    allowedChannels: ['email', 'sms'],
    legalBasis: 'consent',
    personalFields: ['firstName'],
    retentionDays: 365,
  };
  await client.expect(201, 'POST', '/topics', { role: 'admin', body: { id: 'news', ...topic } });
  await client.expect(201, 'POST', '/topics/news/versions', {
    role: 'dpo',
    body: { text: 'Yes, send me news.', language: 'en', change: 'material' },
  });
  await client.expect(201, 'POST', '/topics', { role: 'admin', body: { id: 'old', ...topic } });
  await client.expect(200, 'POST', '/topics/old/retire', { role: 'dpo', body: { reason: 'no longer sent' } });
  const declarations = {
    profiling: true,
    automatedDecision: { logic: 'Points from past orders', consequences: 'The size of the discount offered' },
    offeredToChildren: true,
  };
  await client.expect(201, 'POST', '/topics', { role: 'admin', body: { id: 'club', ...topic, ...declarations } });
  await client.expect(200, 'GET', '/topics/news', { role: 'crm' });
  await client.read('/topics', 'crm');
}

/** The queries of the read side about one subject with a granted consent. */
async function readFlows(client: RecordingClient, subjectId: string): Promise<string> {
  const profile = await client.read(`/subjects/${subjectId}`, 'crm');
  await client.read('/subjects?email=erika@example.org', 'crm');
  await client.read(`/subjects/${subjectId}/contactability?topicId=news&channel=email`, 'journey');
  await client.expect(200, 'POST', '/contactability', {
    role: 'journey',
    body: { checks: [{ subjectId, topicId: 'news', channel: 'email' }] },
  });
  await client.read('/audiences?topicId=news&channel=email', 'journey');
  await client.read('/stats', 'admin');
  await client.read('/processing-register', 'dpo');
  await client.read('/processing-register?format=csv', 'dpo');
  await client.expect(200, 'GET', `/subjects/${subjectId}/consents/news/email/receipt`, { role: 'auditor' });
  return profile.contactPoints.find((point: { channel: string }) => point.channel === 'email').contactPointId;
}

/** Topics, a subject with two contact points, consent, double opt-in, blocks and the read side. */
export async function subjectFlows(client: RecordingClient): Promise<{ subjectId: string; emailPoint: string }> {
  await topicFlows(client);
  const contactPoints = [{ channel: 'email', address: 'erika@example.org' }];
  const { subjectId } = await client.expect(201, 'POST', '/subjects', {
    role: 'crm',
    body: { locale: 'de-DE', contactPoints, profile: { firstName: 'Erika' } },
  });
  const { contactPointId: sms } = await client.expect(201, 'POST', `/subjects/${subjectId}/contact-points`, {
    role: 'crm',
    body: { channel: 'sms', address: '+49 151 12345678' },
  });
  await client.expect(200, 'PATCH', `/subjects/${subjectId}/contact-points/${sms}`, {
    role: 'crm',
    body: { address: '+49 151 12345679' },
  });
  await client.expect(200, 'PATCH', `/subjects/${subjectId}/profile`, {
    role: 'crm',
    body: { firstName: 'Erika Maria' },
  });
  await client.expect(200, 'POST', `/subjects/${subjectId}/consents`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'email', evidence: EVIDENCE() },
  });
  const emailPoint = await readFlows(client, subjectId);
  const { token } = await client.expect(201, 'POST', `/subjects/${subjectId}/double-opt-in`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'sms', contactPointId: sms, textVersion: 1, sourceSystem: 'shop' },
  });
  await client.expect(200, 'GET', `/double-opt-in?token=${encodeURIComponent(token)}`);
  await client.expect(200, 'POST', '/double-opt-in/confirm', { body: { token } });
  await client.expect(200, 'POST', `/subjects/${subjectId}/consents/revoke`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'sms' },
  });
  await client.expect(200, 'POST', `/subjects/${subjectId}/objections`, {
    role: 'crm',
    body: { scope: { kind: 'channel', channel: 'sms' } },
  });
  const block = {
    scope: { kind: 'channel', channel: 'sms' },
    reason: 'asked by phone',
    reference: { kind: 'complaint', id: 'T-1' },
  };
  const { blockId } = await client.expect(201, 'POST', `/subjects/${subjectId}/blocks`, { role: 'crm', body: block });
  await client.expect(200, 'DELETE', `/subjects/${subjectId}/blocks/${blockId}?reason=resolved`, { role: 'crm' });
  await client.expect(200, 'DELETE', `/subjects/${subjectId}/contact-points/${sms}`, { role: 'crm' });
  return { subjectId, emailPoint };
}

/** Proof routes, data-subject requests, legal holds and both erasure outcomes. */
export async function privacyFlows(client: RecordingClient, subjectId: string): Promise<void> {
  await client.expect(200, 'GET', `/subjects/${subjectId}/history`, { role: 'crm' });
  await client.expect(200, 'GET', `/subjects/${subjectId}/timeline`, { role: 'auditor' });
  await client.expect(200, 'GET', `/subjects/${subjectId}/verify`, { role: 'auditor' });
  await client.expect(200, 'GET', `/subjects/${subjectId}/state?at=${new Date().toISOString()}`, { role: 'auditor' });
  const { requestId } = await client.expect(201, 'POST', `/subjects/${subjectId}/requests`, {
    role: 'crm',
    body: { kind: 'access', channel: 'email' },
  });
  await client.expect(200, 'POST', `/subjects/${subjectId}/requests/${requestId}/extension`, {
    role: 'dpo',
    body: { months: 2, reason: 'many systems to search' },
  });
  await client.read('/requests', 'dpo');
  await client.expect(200, 'GET', `/subjects/${subjectId}/export?requestId=${requestId}`, { role: 'crm' });
  await client.expect(200, 'POST', `/subjects/${subjectId}/requests/${requestId}/fulfilment`, { role: 'crm' });
  const { requestId: second } = await client.expect(201, 'POST', `/subjects/${subjectId}/requests`, {
    role: 'crm',
    body: { kind: 'portability', channel: 'email' },
  });
  await client.expect(200, 'POST', `/subjects/${subjectId}/requests/${second}/rejection`, {
    role: 'dpo',
    body: { reason: 'identity not confirmed' },
  });
  const until = new Date(Date.now() + 86_400_000).toISOString();
  const { holdId } = await client.expect(201, 'POST', `/subjects/${subjectId}/legal-holds`, {
    role: 'dpo',
    body: { reason: 'open invoice', until },
  });
  await client.expect(202, 'POST', `/subjects/${subjectId}/erasure`, { role: 'dpo', body: {} });
  await client.expect(200, 'DELETE', `/subjects/${subjectId}/legal-holds/${holdId}?reason=paid`, { role: 'dpo' });
  await client.expect(200, 'POST', `/subjects/${subjectId}/erasure`, { role: 'dpo', body: {} });
}

/** A webhook with a given secret, one with a generated secret, a rotation, dead letters and removal. */
async function webhookFlows(client: RecordingClient): Promise<void> {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const given = await client.expect(201, 'POST', '/webhooks', {
    role: 'admin',
    body: { url: 'http://127.0.0.1:9/hook', secret, filter: { topics: ['news'] } },
  });
  const generated = await client.expect(201, 'POST', '/webhooks', {
    role: 'admin',
    body: { url: 'http://127.0.0.1:9/other' },
  });
  await client.expect(200, 'POST', `/webhooks/${generated.id}/secret/rotate`, { role: 'admin', body: {} });
  await client.expect(200, 'POST', `/webhooks/${given.id}/secret/rotate`, {
    role: 'admin',
    body: { secret: `whsec_${randomBytes(32).toString('base64')}` },
  });
  await client.expect(200, 'GET', '/webhooks', { role: 'admin' });
  await client.expect(200, 'GET', `/webhooks/${given.id}/dead-letters`, { role: 'admin' });
  await client.expect(200, 'POST', `/webhooks/${given.id}/dead-letters/replay`, { role: 'admin' });
  await client.expect(204, 'DELETE', `/webhooks/${given.id}`, { role: 'admin' });
  await client.expect(204, 'DELETE', `/webhooks/${generated.id}`, { role: 'admin' });
}

/** Webhooks, unsubscribe links, imports, checkpoints and the operational routes. */
export async function integrationFlows(client: RecordingClient, subjectId: string): Promise<void> {
  await webhookFlows(client);
  await privacyCenterFlows(client, subjectId);
  const link = await client.expect(201, 'POST', '/unsubscribe-links', {
    role: 'journey',
    body: { subjectId, topicId: 'news', channel: 'email' },
  });
  const query = new URL(link.url).search;
  await client.expect(200, 'GET', `/unsubscribe${query}`);
  await client.expect(200, 'POST', `/unsubscribe${query}`, { body: { 'List-Unsubscribe': 'One-Click' } });
  const record = {
    kind: 'subject',
    sourceSystem: 'crm',
    externalId: 'c-1',
    locale: 'de-DE',
    contactPoints: [{ channel: 'email', address: 'max@example.org' }],
  };
  await client.expect(200, 'POST', '/imports', {
    role: 'admin',
    body: `${JSON.stringify(record)}\n`,
    contentType: 'application/x-ndjson',
  });
  await client.expect(200, 'POST', '/imports?dryRun=true', {
    role: 'admin',
    body: 'kind,sourceSystem,externalId,locale\nsubject,crm,c-2,de-DE\n',
    contentType: 'text/csv',
  });
  await client.expect(200, 'POST', '/audit/checkpoints', { role: 'admin' });
  await client.expect(200, 'GET', '/audit/checkpoints', { role: 'auditor' });
  await client.expect(200, 'GET', '/audit/consistency?first=1&second=2', { role: 'auditor' });
  await client.expect(200, 'GET', '/audit/public-key');
  await client.expect(200, 'GET', '/auth/me', { role: 'crm' });
  await client.expect(200, 'GET', '/health');
  await client.expect(200, 'GET', '/metrics', { role: 'admin' });
}

/** Typical refusals: validation, not found, conflict, a malformed id, a wrong role. */
export async function refusalFlows(client: RecordingClient): Promise<void> {
  await client.expect(400, 'POST', '/subjects', { role: 'crm', body: { locale: 'de-DE' } });
  await client.expect(400, 'POST', '/subjects', { role: 'crm', body: '{"locale":', contentType: 'application/json' });
  const evidence = { ...EVIDENCE(), affirmativeAction: false };
  const { subjectId } = await client.expect(201, 'POST', '/subjects', {
    role: 'crm',
    body: { locale: 'de-DE', contactPoints: [] },
  });
  await client.expect(400, 'POST', `/subjects/${subjectId}/consents`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'email', evidence },
  });
  await client.expect(404, 'POST', `/subjects/${randomUUID()}/consents`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'email', evidence: EVIDENCE() },
  });
  await client.expect(409, 'POST', `/subjects/${subjectId}/consents/revoke`, {
    role: 'crm',
    body: { topicId: 'news', channel: 'email' },
  });
  await client.expect(409, 'POST', '/topics', {
    role: 'admin',
    body: {
      id: 'news',
      title: 'x',
      description: 'x',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    },
  });
  await client.expect(404, 'GET', '/topics/missing', { role: 'crm' });
  await client.expect(404, 'GET', `/subjects/${randomUUID()}`, { role: 'crm' });
  await client.expect(400, 'GET', '/subjects/not-a-uuid/history', { role: 'crm' });
  await client.expect(400, 'GET', '/stats', { role: 'admin', headers: { 'x-min-position': 'soon' } });
  await client.expect(400, 'GET', '/subjects/x/contactability?channel=email'.replace('x', subjectId), {
    role: 'journey',
  });
  await client.expect(403, 'POST', '/webhooks', { role: 'crm', body: {} });
  await client.expect(400, 'POST', '/webhooks', {
    role: 'admin',
    body: { url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(24) },
  });
  await client.expect(404, 'POST', `/webhooks/${randomUUID()}/secret/rotate`, { role: 'admin', body: {} });
  await client.expect(415, 'POST', '/imports', { role: 'admin', body: 'x', contentType: 'text/plain' });
  await client.expect(400, 'GET', '/unsubscribe?token=forged');
  await privacyCenterRefusals(client);
  await client.expect(400, 'GET', '/audit/consistency?first=2&second=1', { role: 'auditor' });
  await client.expect(404, 'GET', `/subjects/${subjectId}/consents/news/email/receipt`, { role: 'auditor' });
  await client.expect(400, 'POST', '/unsubscribe-links', {
    role: 'journey',
    body: { subjectId, topicId: 'news', channel: 'post' },
  });
}
