import { pageLanguage, preferredEncoding, weighted } from './content-negotiation';

describe('content negotiation for the dashboard', () => {
  it('reads an Accept-* header best first, dropping what q=0 refuses', () => {
    expect(weighted('gzip;q=0.5, br, identity;q=0')).toEqual([
      { token: 'br', q: 1 },
      { token: 'gzip', q: 0.5 },
    ]);
    expect(weighted(undefined)).toEqual([]);
  });

  it('picks brotli over gzip on a tie, follows the weights, and falls back to identity', () => {
    expect(preferredEncoding('gzip, deflate, br', ['br', 'gzip'])).toBe('br');
    expect(preferredEncoding('br;q=0.4, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(preferredEncoding('*', ['gzip'])).toBe('gzip');
    expect(preferredEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(preferredEncoding('br', [])).toBeUndefined();
  });

  it('serves the language of the cookie, else the first of ours the browser accepts, else English', () => {
    expect(pageLanguage('a=1; ledger-language=de', 'en')).toBe('de');
    expect(pageLanguage('ledger-language=fr', 'fr-CH, de;q=0.8, en;q=0.5')).toBe('de');
    expect(pageLanguage(undefined, 'de-AT')).toBe('de');
    expect(pageLanguage(undefined, 'fr')).toBe('en');
    expect(pageLanguage(undefined, undefined)).toBe('en');
  });
});
