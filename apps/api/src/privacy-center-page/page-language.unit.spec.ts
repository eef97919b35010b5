import { pageLanguage } from './page-language';

describe('pageLanguage', () => {
  it('speaks German to a browser that prefers it', () => {
    expect(pageLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
  });

  it('follows the weights, not the order', () => {
    expect(pageLanguage('en;q=0.5, de-AT;q=0.9')).toBe('de');
  });

  it('skips languages it does not speak and those refused with q=0', () => {
    expect(pageLanguage('fr-FR, de;q=0, en-US;q=0.7')).toBe('en');
  });

  it('falls back to English without a usable header', () => {
    expect(pageLanguage(undefined)).toBe('en');
    expect(pageLanguage('fr, *;q=0.5')).toBe('en');
  });
});
