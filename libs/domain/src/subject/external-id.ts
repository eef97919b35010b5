import { refuse } from '../shared/error-codes';

/** The subject's id in another system, e.g. `{ system: 'crm', id: '4711' }`: personal data (Art. 4(1)). */
export type ExternalId = { system: string; id: string };

/** Short, lower-case names, so `crm` and `CRM` can never become two systems. */
export const EXTERNAL_SYSTEM_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const MAX_EXTERNAL_ID_LENGTH = 128;
const CONTROL = /\p{Cc}/u;

export function requireExternalSystem(system: unknown, field: string): string {
  if (typeof system !== 'string' || !EXTERNAL_SYSTEM_PATTERN.test(system)) {
    refuse('EXTERNAL_ID.SYSTEM_INVALID', `${field} must match ${EXTERNAL_SYSTEM_PATTERN.source}`, field);
  }
  return system;
}

/** Stored as given: no trimming here, so what the CRM sent is what a lookup must match. */
export function requireExternalIdValue(id: unknown, field: string): string {
  const valid =
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= MAX_EXTERNAL_ID_LENGTH &&
    id.trim() === id &&
    !CONTROL.test(id);
  if (!valid) {
    const rule = `a text of 1 to ${MAX_EXTERNAL_ID_LENGTH} characters without control characters or surrounding spaces`;
    refuse('EXTERNAL_ID.ID_INVALID', `${field} must be ${rule}`, field);
  }
  return id as string;
}

export function validExternalId(value: unknown, at = ''): ExternalId {
  const { system, id } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { system: requireExternalSystem(system, `${at}system`), id: requireExternalIdValue(id, `${at}id`) };
}

/** One id per system: a CRM has one customer number per person, and a lookup names the system. */
export function validExternalIds(list: unknown): ExternalId[] {
  if (list === undefined) return [];
  if (!Array.isArray(list))
    refuse('EXTERNAL_ID.ID_INVALID', 'externalIds must be a list of {system, id}', 'externalIds');
  const valid = list.map((item, i) => validExternalId(item, `externalIds[${i}].`));
  valid.forEach(({ system }, i) => {
    if (valid.findIndex((other) => other.system === system) !== i) {
      refuse(
        'EXTERNAL_ID.SYSTEM_REPEATED',
        `system ${system} is listed twice; one id per system`,
        `externalIds[${i}].system`,
      );
    }
  });
  return valid;
}

/** `crm:4711` as a lookup names it: the first `:` separates the system from the id (ids may hold `:`). */
export function parseExternalIdReference(reference: unknown, field = 'externalId'): ExternalId {
  const at = typeof reference === 'string' ? reference.indexOf(':') : -1;
  if (at < 0) refuse('EXTERNAL_ID.REFERENCE_INVALID', `${field} must be <system>:<id>, e.g. crm:4711`, field);
  const text = reference as string;
  return {
    system: requireExternalSystem(text.slice(0, at), field),
    id: requireExternalIdValue(text.slice(at + 1), field),
  };
}

export const externalIdReference = ({ system, id }: ExternalId): string => `${system}:${id}`;
