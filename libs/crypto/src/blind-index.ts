import { createHmac, type KeyObject } from 'node:crypto';
import { BlindIndexInputError } from './errors';

export type BlindIndexKind = 'email' | 'phone' | 'externalId';

const SEPARATORS = /[\s\-()./]/g;
const E164ISH = /^\+[0-9]{4,15}$/;

/** NFKC first so full-width or compatibility characters compare equal to their plain forms. */
export function normaliseEmail(value: string): string {
  const email = value.normalize('NFKC').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new BlindIndexInputError('email', 'not an e-mail address');
  return email;
}

/**
 * Deliberately simple: drop spaces, dashes, dots, slashes and parentheses, turn a leading `00`
 * into `+`, and add a `+` when none is given. No default country: "030 123" and "+49 30 123"
 * differ, so callers pass international numbers.
 */
export function normalisePhone(value: string): string {
  let phone = value.normalize('NFKC').trim().replace(SEPARATORS, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (!phone.startsWith('+')) phone = `+${phone}`;
  if (!E164ISH.test(phone)) throw new BlindIndexInputError('phone', 'not a phone number of 4 to 15 digits');
  return phone;
}

/**
 * `system:id` (the first `:` separates them). The system is a lower-case name already; the id is
 * compared as the other system issued it, case included (customer numbers are opaque), after NFKC
 * (a full-width `４７１１` is `4711`) and trimming.
 */
export function normaliseExternalId(value: string): string {
  const at = value.indexOf(':');
  const system = value.slice(0, at).normalize('NFKC').trim();
  const id = value
    .slice(at + 1)
    .normalize('NFKC')
    .trim();
  if (at < 0 || system === '' || id === '') throw new BlindIndexInputError('externalId', 'not of the form system:id');
  return `${system}:${id}`;
}

export function normalise(kind: BlindIndexKind, value: string): string {
  switch (kind) {
    case 'email':
      return normaliseEmail(value);
    case 'phone':
      return normalisePhone(value);
    case 'externalId':
      return normaliseExternalId(value);
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * `email:<hex>`: equal addresses of different subjects collide on purpose (that is the lookup),
 * and the kind is both in the MAC and in the tag, so a phone never matches an e-mail.
 */
export function computeBlindIndex(key: KeyObject, kind: BlindIndexKind, value: string): string {
  const mac = createHmac('sha256', key)
    .update(`${kind}\u0000${normalise(kind, value)}`, 'utf8')
    .digest('hex');
  return `${kind}:${mac}`;
}
