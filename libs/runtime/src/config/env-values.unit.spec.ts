import { envFlag, envInteger } from './env-values';

describe('environment values', () => {
  it('reads whole numbers within their range and names the setting otherwise', () => {
    expect(envInteger('N', undefined, 7, 1, 10)).toBe(7);
    expect(envInteger('N', ' ', 7, 1, 10)).toBe(7);
    expect(envInteger('N', '3', 7, 1, 10)).toBe(3);
    expect(() => envInteger('N', '11', 7, 1, 10)).toThrow('N: must be a whole number from 1 to 10, got "11"');
    expect(() => envInteger('N', '2.5', 7, 1, 10)).toThrow(/^N: /);
  });

  it('reads true and false only, leaving the default to the caller when unset', () => {
    expect(envFlag('F', undefined)).toBeUndefined();
    expect(envFlag('F', 'true')).toBe(true);
    expect(envFlag('F', 'false')).toBe(false);
    expect(() => envFlag('F', 'yes')).toThrow('F: must be true or false, got "yes"');
  });
});
