import { BlindIndexInputError, type BlindIndexKind, type SubjectCrypto } from '#crypto';
import { externalIdReference, parseExternalIdReference } from '#domain';
import { validationFailed } from '../http/validation.pipe';
import type { LookupQueryDto } from './dto/read-queries.dto';

const FIELDS = ['email', 'phone', 'externalId'] as const satisfies ReadonlyArray<keyof LookupQueryDto & BlindIndexKind>;

const RULES: Record<(typeof FIELDS)[number], { rule: string; what: string }> = {
  email: { rule: 'isEmail', what: 'a valid e-mail address' },
  phone: { rule: 'isPhoneNumber', what: 'a valid phone number' },
  externalId: { rule: 'isExternalId', what: '<system>:<id>' },
};

/**
 * The blind index a lookup asks for: exactly one of email, phone and externalId. An external id
 * is checked by the domain's own rule (`EXTERNAL_ID.*`, naming the field), then indexed as
 * `system:id` like the links it must find.
 */
export function lookupKeyOf(query: LookupQueryDto, crypto: SubjectCrypto): string {
  const given = FIELDS.filter((field) => query[field] !== undefined);
  if (given.length !== 1) {
    const message = 'give exactly one of email, phone and externalId';
    throw validationFailed([{ field: given[1] ?? 'email', rule: 'exactlyOneOf', message }]);
  }
  const field = given[0]!;
  const value = query[field]!;
  const input = field === 'externalId' ? externalIdReference(parseExternalIdReference(value, field)) : value;
  try {
    return crypto.blindIndex(field, input);
  } catch (error) {
    if (!(error instanceof BlindIndexInputError)) throw error;
    const { rule, what } = RULES[field];
    throw validationFailed([{ field, rule, message: `${field} is not ${what}` }]);
  }
}
