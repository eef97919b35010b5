import { createHash, randomBytes } from 'node:crypto';
import { MasterKey } from '#crypto';
import { JourneyKeys, hmacBase64url } from './journey-keys';
import { RequestKeys } from './request-keys';

describe('RequestKeys', () => {
  const master = MasterKey.fromBytes(randomBytes(32));
  const keys = RequestKeys.fromMaster(master);
  const clientKey = 'signup:anna@example.org';

  it('gives the same values for the same master key, so every process and every run agree', () => {
    const again = RequestKeys.fromMaster(master);
    expect(again.idempotencyKey(clientKey)).toBe(keys.idempotencyKey(clientKey));
    expect(again.fingerprint('POST /subjects {}')).toBe(keys.fingerprint('POST /subjects {}'));
    expect(again.uuid(clientKey)).toBe(keys.uuid(clientKey));
  });

  it('gives other values under another master key, and none that an unkeyed hash or a journey key gives', () => {
    const other = RequestKeys.fromMaster(MasterKey.fromBytes(randomBytes(32)));
    expect(other.idempotencyKey(clientKey)).not.toBe(keys.idempotencyKey(clientKey));
    expect(keys.fingerprint(clientKey)).not.toBe(createHash('sha256').update(clientKey).digest('hex'));
    expect(keys.idempotencyKey(clientKey)).not.toContain('anna');
    const journey = JourneyKeys.fromMaster(master);
    for (const key of [journey.unsubscribe, journey.doubleOptIn])
      expect(hmacBase64url(key, `idempotency-key\u0000${clientKey}`)).not.toBe(keys.idempotencyKey(clientKey));
  });

  it('separates its uses: the same text keys differently as an Idempotency-Key, a fingerprint and an id', () => {
    const asHex = Buffer.from(keys.idempotencyKey(clientKey), 'base64url').toString('hex');
    expect(asHex).not.toBe(keys.fingerprint(clientKey));
    expect(keys.uuid(clientKey)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys.uuid(clientKey).replace(/-/g, '').slice(0, 12)).not.toBe(keys.fingerprint(clientKey).slice(0, 12));
  });
});
