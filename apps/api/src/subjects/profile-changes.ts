import { refusal } from '#domain';

const MAX_FIELDS = 50;
const MAX_VALUE = 500;

function invalid(field: string, message: string): never {
  throw refusal('VALIDATION.FAILED', message, field);
}

/** The body's schema in the OpenAPI document, from the same limits the parser applies. */
export const PROFILE_PATCH_SCHEMA = {
  type: 'object',
  minProperties: 1,
  maxProperties: MAX_FIELDS,
  additionalProperties: { type: 'string', maxLength: MAX_VALUE, nullable: true },
  example: { firstName: 'Erika', lastName: null },
};

/** A merge patch of profile fields: strings set a field, null removes it; nothing else is accepted. */
export function profileChanges(body: unknown): Record<string, string | null> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    invalid('body', 'the body must be a JSON object of profile fields');
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_FIELDS)
    invalid('body', `give between 1 and ${MAX_FIELDS} profile fields`);
  for (const [field, value] of entries) {
    if (value !== null && (typeof value !== 'string' || value.length > MAX_VALUE)) {
      invalid(field, `${field} must be a string of at most ${MAX_VALUE} characters, or null to remove it`);
    }
  }
  return body as Record<string, string | null>;
}
