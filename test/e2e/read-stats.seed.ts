/**
 * 360 subjects for Mission Control's figures, each rule a plain modulus so every figure can be
 * counted by hand (see read-stats.e2e.spec.ts):
 * - everybody has an e-mail address; i % 3 === 0 also a phone number (120 people);
 * - `news` (consent) by e-mail granted for i % 4 === 0 (90), then revoked again for i % 8 === 0 (45);
 * - `news` by sms granted for i % 6 === 0 (60);
 * - a global block for i % 15 === 0 (24 people) and a topic block on `news` for i === 7: 25 people;
 * - an objection to `offers` (legitimate interest, e-mail only) for i % 10 === 5 (36 people).
 */
export const SEEDED = 360;

export function seedRecords(): string {
  const lines: object[] = [];
  const of = (i: number) => ({ sourceSystem: 'crm', externalId: `C-${i}` });
  const consent = (i: number, channel: string) => ({
    kind: 'consent',
    ...of(i),
    topicId: 'news',
    channel,
    contactPointId: channel,
    capturedAt: '2024-04-02T09:30:00Z',
    textVersion: 1,
    affirmativeAction: true,
  });
  for (let i = 0; i < SEEDED; i++) {
    const contactPoints = [{ contactPointId: 'email', channel: 'email', address: `person${i}@example.org` }];
    if (i % 3 === 0) contactPoints.push({ contactPointId: 'sms', channel: 'sms', address: `+4915112${pad(i)}` });
    lines.push({ kind: 'subject', ...of(i), locale: 'de-DE', contactPoints, profile: { lastName: `Person ${i}` } });
    if (i % 4 === 0) lines.push(consent(i, 'email'));
    if (i % 8 === 0) lines.push({ kind: 'revocation', ...of(i), topicId: 'news', channel: 'email' });
    if (i % 6 === 0) lines.push(consent(i, 'sms'));
    if (i % 15 === 0) lines.push(block(i, { scope: 'global' }));
    if (i === 7) lines.push(block(i, { scope: 'topic', topicId: 'news' }));
    if (i % 10 === 5) lines.push({ kind: 'objection', ...of(i), scope: 'topic', topicId: 'offers' });
  }
  return lines.map((line) => JSON.stringify(line)).join('\n');

  function block(i: number, scope: object) {
    return {
      kind: 'block',
      ...of(i),
      ...scope,
      reason: 'complaint',
      referenceKind: 'complaint',
      referenceId: `K-${i}`,
    };
  }
}

const pad = (i: number) => String(i).padStart(5, '0');
