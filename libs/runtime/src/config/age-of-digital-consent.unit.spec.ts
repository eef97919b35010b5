import { ConfigError } from './app-config-error';
import { loadAgeOfDigitalConsent } from './age-of-digital-consent';

describe('AGE_OF_DIGITAL_CONSENT[_BY_COUNTRY] (Art. 8(1))', () => {
  it('is 16 with no member state of its own by default', () => {
    expect(loadAgeOfDigitalConsent({})).toEqual({ default: 16, byCountry: {} });
  });

  it('reads a default and the ages of member states', () => {
    expect(
      loadAgeOfDigitalConsent({
        AGE_OF_DIGITAL_CONSENT: '15',
        AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'AT:14, FR:15,BE:13',
      }),
    ).toEqual({ default: 15, byCountry: { AT: 14, FR: 15, BE: 13 } });
  });

  it.each([
    ['AGE_OF_DIGITAL_CONSENT', { AGE_OF_DIGITAL_CONSENT: '12' }],
    ['AGE_OF_DIGITAL_CONSENT', { AGE_OF_DIGITAL_CONSENT: '17' }],
    ['AGE_OF_DIGITAL_CONSENT', { AGE_OF_DIGITAL_CONSENT: 'sixteen' }],
    ['AGE_OF_DIGITAL_CONSENT_BY_COUNTRY', { AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'AT:12' }],
    ['AGE_OF_DIGITAL_CONSENT_BY_COUNTRY', { AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'XX:14' }],
    ['AGE_OF_DIGITAL_CONSENT_BY_COUNTRY', { AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'at:14' }],
    ['AGE_OF_DIGITAL_CONSENT_BY_COUNTRY', { AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'AT=14' }],
  ])('refuses a bad value, naming %s', (setting, env) => {
    expect(() => loadAgeOfDigitalConsent(env)).toThrow(ConfigError);
    expect(() => loadAgeOfDigitalConsent(env)).toThrow(new RegExp(`^${setting}: `));
  });
});
