import { requireChannel } from '../shared/channel';
import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { isAgeField, requireValidAgeField } from './age';
import type { ContactPointData, Profile } from './profile.events';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{3,30}$/;
const PHONE_CHANNELS = ['sms', 'phone', 'whatsapp'];

export function validContactPoint(point: ContactPointData, channels: readonly string[], at = ''): ContactPointData {
  const contactPointId = requireId(point?.contactPointId, `${at}contactPointId`);
  const channel = requireChannel(point.channel, channels, `${at}channel`);
  return { contactPointId, channel, address: requireAddress(channel, point.address, `${at}address`) };
}

/** Only a plausibility check per channel: whether an address is reachable is proven by double opt-in. */
export function requireAddress(channel: string, address: unknown, field = 'address'): string {
  const plausible =
    typeof address === 'string' &&
    address.trim() !== '' &&
    address.length <= 1_000 &&
    (channel !== 'email' || (address.length <= 254 && EMAIL.test(address))) &&
    (!PHONE_CHANNELS.includes(channel) || PHONE.test(address));
  if (!plausible) refuse('CONTACT_POINT.ADDRESS_INVALID', `not a plausible ${channel} address`, field);
  return address as string;
}

/**
 * Art. 5(1)(c), 25: data minimisation: a field nobody declared a need for is refused, not stored.
 * The age fields are always allowed, because Art. 8 can only be applied to an age that is known.
 */
export function requireAllowedFields(
  fields: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  now: string,
): void {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    refuse('PROFILE.VALUE_INVALID', `${at} must be an object of field names to texts`, at);
  }
  for (const [field, value] of Object.entries(fields)) {
    if (!allowed.includes(field) && !isAgeField(field))
      refuse('PROFILE.FIELD_NOT_ALLOWED', `profile field ${field} is not allowed`, `${at}.${field}`);
    if (value !== null && (typeof value !== 'string' || value.length > 1_000)) {
      refuse(
        'PROFILE.VALUE_INVALID',
        `profile field ${field} must be a text of at most 1000 characters`,
        `${at}.${field}`,
      );
    }
    if (typeof value === 'string') requireValidAgeField(field, value, now, `${at}.${field}`);
  }
}

export function validProfile(profile: Profile | undefined, allowed: readonly string[], now: string): Profile {
  if (profile === undefined) return {};
  requireAllowedFields(profile, allowed, 'profile', now);
  return Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== null));
}
