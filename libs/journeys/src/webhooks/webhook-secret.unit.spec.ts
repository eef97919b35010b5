import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, webhookSecretRefusal } from './webhook-secret';

describe('webhook secrets (Standard Webhooks format)', () => {
  it('generates whsec_ secrets of 32 random bytes that the standard library accepts', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretRefusal(secret)).toBeUndefined();
    expect(() => new Webhook(secret)).not.toThrow();
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('accepts whsec_ with the base64 of 24 bytes or more', () => {
    expect(webhookSecretRefusal(`whsec_${randomBytes(24).toString('base64')}`)).toBeUndefined();
    expect(webhookSecretRefusal(`whsec_${randomBytes(64).toString('base64')}`)).toBeUndefined();
  });

  it('refuses a secret without the prefix, shorter than 24 bytes, or not base64', () => {
    for (const secret of [
      'a-very-secret-signing-key-of-some-length',
      randomBytes(32).toString('base64'),
      `whsec_${randomBytes(23).toString('base64')}`,
      'whsec_',
      `whsec_${'!'.repeat(44)}`,
      `whsec_${randomBytes(32).toString('base64url')}_`,
    ]) {
      expect(webhookSecretRefusal(secret)).toBe('must be whsec_ followed by the base64 of at least 24 random bytes');
    }
  });
});
