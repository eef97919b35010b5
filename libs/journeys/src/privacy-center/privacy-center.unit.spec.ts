import { MasterKey } from '#crypto';
import { DomainError } from '#domain';
import { JourneyKeys } from '#runtime';
import { UnsubscribeTokens } from '../unsubscribe/unsubscribe-token';
import { PrivacyCenterLinkTokens } from './privacy-center-link-token';
import { signInMail } from './sign-in-mail-template';

const keys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 7)));
const otherKeys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 8)));
const subjectId = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof DomainError ? `${error.code} ${error.kind}` : 'other';
  }
}

describe('Privacy Center footer-link tokens', () => {
  const tokens = new PrivacyCenterLinkTokens(keys);
  const token = tokens.sign({ subjectId, expiresAt: 2_000 });

  it('verifies its own link until it expires', () => {
    expect(tokens.verify(token, 1_999)).toEqual({ subjectId, expiresAt: 2_000 });
    expect(codeOf(() => tokens.verify(token, 2_001))).toBe('PRIVACY_CENTER.LINK_EXPIRED unauthorized');
  });

  it('refuses an altered, a foreign-keyed, an unsubscribe-keyed and a malformed token alike', () => {
    const [payload, mac] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ s: subjectId, e: 9_999 })).toString('base64url');
    for (const forged of [
      `${longer}.${mac}`,
      new PrivacyCenterLinkTokens(otherKeys).sign({ subjectId, expiresAt: 2_000 }),
      new UnsubscribeTokens(keys).sign({ subjectId, topicId: 'news', channel: 'email', expiresAt: 2_000 }),
      `${payload}`,
      42,
    ])
      expect(codeOf(() => tokens.verify(forged, 1_000))).toBe('PRIVACY_CENTER.LINK_INVALID unauthorized');
  });

  it('carries the pseudonymous id and the expiry only', () => {
    const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
    expect(payload).toEqual({ s: subjectId, e: 2_000 });
  });
});

describe('the sign-in mail', () => {
  const input = { link: 'https://ledger.test/privacy-center/#signin=a.b', expiresAt: '2026-12-05T10:30:00.000Z' };

  it('speaks German to de-* and English otherwise, with the link and when it ends', () => {
    const de = signInMail({ ...input, locale: 'de-AT' });
    expect(de.language).toBe('de');
    expect(de.subject).toBe('Ihr Link zum Datenschutz-Center');
    expect(de.text).toContain(input.link);
    expect(de.text).toContain('2026-12-05 10:30');
    expect(signInMail({ ...input, locale: 'fr' }).language).toBe('en');
  });

  it('escapes the link in the HTML part', () => {
    const mail = signInMail({ ...input, locale: 'en', link: 'https://x.test/#signin="><script>' });
    expect(mail.html).not.toContain('"><script>');
    expect(mail.html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
