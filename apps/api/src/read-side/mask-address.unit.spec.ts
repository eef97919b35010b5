import { maskAddress } from './mask-address';

describe('maskAddress', () => {
  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskAddress('anna.berg@example.org')).toBe('a•••@example.org');
  });

  it('keeps the last four digits of a phone number', () => {
    expect(maskAddress('+4915112345678')).toBe('•••5678');
  });
});
