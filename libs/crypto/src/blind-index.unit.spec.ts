import { createSecretKey, randomBytes } from 'node:crypto';
import { computeBlindIndex, normaliseEmail, normaliseExternalId, normalisePhone } from './blind-index';
import { BlindIndexInputError } from './errors';

describe('blind index', () => {
  const key = createSecretKey(randomBytes(32));

  it.each([
    ['  Ada@Example.ORG ', 'ada@example.org'],
    ['ａｄａ@ｅｘａｍｐｌｅ.org', 'ada@example.org'],
  ])('normalises the e-mail %p to %p', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ['+49 30 1234-567', '+49301234567'],
    ['0049 (30) 1234 567', '+49301234567'],
    ['49.30.1234567', '+49301234567'],
    ['＋４９ ３０ １２３４５６７', '+49301234567'],
  ])('normalises the phone number %p to %p', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([['not-an-address'], ['a b@example.org'], ['']])('refuses the e-mail %p', (input) => {
    expect(() => normaliseEmail(input)).toThrow(BlindIndexInputError);
  });

  it.each([['12'], ['+49 30 abc'], ['+1234567890123456'], ['']])('refuses the phone number %p', (input) => {
    expect(() => normalisePhone(input)).toThrow(BlindIndexInputError);
  });

  it.each([
    ['crm:4711', 'crm:4711'],
    ['crm:４７１１', 'crm:4711'],
    ['shop:a:b', 'shop:a:b'],
    ['crm:AB-12', 'crm:AB-12'],
  ])('normalises the external id %p to %p, the first colon separating system and id', (input, expected) => {
    expect(normaliseExternalId(input)).toBe(expected);
  });

  it.each([['crm4711'], ['crm:'], [':4711'], ['']])('refuses the external id %p', (input) => {
    expect(() => normaliseExternalId(input)).toThrow(BlindIndexInputError);
  });

  it('keeps an external id case-sensitive and never matches it to another system or kind', () => {
    const crm = computeBlindIndex(key, 'externalId', 'crm:4711');
    expect(crm).toMatch(/^externalId:[0-9a-f]{64}$/);
    expect(computeBlindIndex(key, 'externalId', 'crm:４７１１')).toBe(crm);
    expect(computeBlindIndex(key, 'externalId', 'erp:4711')).not.toBe(crm);
    expect(computeBlindIndex(key, 'externalId', 'crm:ab')).not.toBe(computeBlindIndex(key, 'externalId', 'crm:AB'));
    expect(computeBlindIndex(key, 'phone', '+4711').slice(6)).not.toBe(crm.slice(11));
  });

  it('gives equal values equal indexes, tagged with their kind', () => {
    const a = computeBlindIndex(key, 'email', 'Ada@Example.org');
    expect(a).toMatch(/^email:[0-9a-f]{64}$/);
    expect(computeBlindIndex(key, 'email', ' ada@example.org')).toBe(a);
    expect(computeBlindIndex(key, 'phone', '0049 30 1234567')).toBe(computeBlindIndex(key, 'phone', '+49301234567'));
  });

  it('never matches across kinds, values or keys', () => {
    const email = computeBlindIndex(key, 'email', 'ada@example.org');
    expect(computeBlindIndex(key, 'email', 'grace@example.org')).not.toBe(email);
    expect(computeBlindIndex(createSecretKey(randomBytes(32)), 'email', 'ada@example.org')).not.toBe(email);
    expect(computeBlindIndex(key, 'phone', '+49301234567').startsWith('phone:')).toBe(true);
    expect(email.slice(6)).not.toBe(computeBlindIndex(key, 'phone', '+49301234567').slice(6));
  });
});
