import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret } from './webhook-secret';
import { signatureHeader, standardWebhookHeaders } from './webhook-signature';

const body = '{"specversion":"1.0","id":"evt-1"}';

/** Verified with the standardwebhooks package's own verifier, as a receiver would. */
describe('Standard Webhooks signatures', () => {
  const current = generateWebhookSecret();
  const old = generateWebhookSecret();

  it('signs webhook-id, webhook-timestamp and the body so the standard verifier accepts it', () => {
    const headers = standardWebhookHeaders({ current }, 'evt-1', new Date(), body);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('refuses a tampered body, another message id, another secret and a replay after 5 minutes', () => {
    const sent = new Date();
    const headers = standardWebhookHeaders({ current }, 'evt-1', sent, body);
    expect(() => new Webhook(current).verify(body.replace('evt-1', 'evt-2'), headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(current).verify(body, { ...headers, 'webhook-id': 'evt-2' })).toThrow(
      'No matching signature found',
    );
    expect(() => new Webhook(old).verify(body, headers)).toThrow('No matching signature found');
    const later = jest.spyOn(Date, 'now').mockReturnValue(sent.getTime() + 6 * 60_000);
    try {
      expect(() => new Webhook(current).verify(body, headers)).toThrow('Message timestamp too old');
    } finally {
      later.mockRestore();
    }
  });

  it('during a rotation signs with both secrets: a receiver holding only either one verifies', () => {
    const at = new Date();
    const signing = { current, previous: { secret: old, until: new Date(at.getTime() + 60_000).toISOString() } };
    const headers = standardWebhookHeaders(signing, 'evt-1', at, body);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(current).verify(body, headers)).toBeDefined();
    expect(new Webhook(old).verify(body, headers)).toBeDefined();
  });

  it('drops the old signature once the overlap has ended', () => {
    const at = new Date();
    const signing = { current, previous: { secret: old, until: new Date(at.getTime() - 1).toISOString() } };
    const header = signatureHeader(signing, 'evt-1', at, body);
    expect(header.split(' ')).toHaveLength(1);
    const headers = {
      'webhook-id': 'evt-1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': header,
    };
    expect(() => new Webhook(old).verify(body, headers)).toThrow('No matching signature found');
    expect(new Webhook(current).verify(body, headers)).toBeDefined();
  });

  it('signs with a secret registered before whsec_ as its UTF-8 bytes (raw format)', () => {
    const legacy = 'a-very-secret-signing-key-ä';
    const headers = standardWebhookHeaders({ current: legacy }, 'evt-1', new Date(), body);
    expect(new Webhook(Buffer.from(legacy, 'utf8'), { format: 'raw' }).verify(body, headers)).toBeDefined();
  });
});
