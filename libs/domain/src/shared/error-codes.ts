import { DomainError, type DomainErrorKind } from './domain-error';

/**
 * The error catalogue: every stable refusal code API clients can see from a DomainError (or an
 * import report), each once, with the kind the HTTP edge maps it by (invalid 400, unauthorized 401,
 * not_found 404, conflict 409, forbidden 403).
 */
export const ERROR_KINDS = {
  'INPUT.ID_INVALID': 'invalid',
  'INPUT.TEXT_INVALID': 'invalid',
  'CHANNEL.UNKNOWN': 'invalid',
  'TOPIC.NOT_FOUND': 'not_found',
  'TOPIC.ALREADY_DEFINED': 'conflict',
  'TOPIC.RETIRED': 'conflict',
  'TOPIC.CHANNEL_NOT_ALLOWED': 'invalid',
  'TOPIC.ID_INVALID': 'invalid',
  'TOPIC.TITLE_REQUIRED': 'invalid',
  'TOPIC.DESCRIPTION_REQUIRED': 'invalid',
  'TOPIC.REASON_INVALID': 'invalid',
  'TOPIC.CHANNELS_REQUIRED': 'invalid',
  'TOPIC.LEGAL_BASIS_UNKNOWN': 'invalid',
  'TOPIC.RETENTION_INVALID': 'invalid',
  'TOPIC.PERSONAL_FIELD_INVALID': 'invalid',
  'TOPIC.TEXT_REQUIRED': 'invalid',
  'TOPIC.TEXT_HASH_INVALID': 'invalid',
  'TOPIC.LANGUAGE_INVALID': 'invalid',
  'TOPIC.CHANGE_UNKNOWN': 'invalid',
  'TOPIC.DECLARATION_INVALID': 'invalid',
  'TOPIC.AUTOMATED_DECISION_INVALID': 'invalid',
  'SUBJECT.NOT_FOUND': 'not_found',
  'SUBJECT.ALREADY_REGISTERED': 'conflict',
  'SUBJECT.ID_INVALID': 'invalid',
  'SUBJECT.LOCALE_INVALID': 'invalid',
  'CONTACT_POINT.NOT_FOUND': 'not_found',
  'CONTACT_POINT.ALREADY_EXISTS': 'conflict',
  'CONTACT_POINT.CHANNEL_MISMATCH': 'invalid',
  'CONTACT_POINT.ADDRESS_INVALID': 'invalid',
  'PROFILE.FIELD_NOT_ALLOWED': 'invalid',
  'PROFILE.VALUE_INVALID': 'invalid',
  'CONSENT.PRE_TICKED': 'invalid',
  'CONSENT.NOT_GRANTED': 'conflict',
  'CONSENT.TEXT_VERSION_UNKNOWN': 'invalid',
  'CONSENT.TEXT_VERSION_OUTDATED': 'conflict',
  'CONSENT.EXPIRY_INVALID': 'invalid',
  'EVIDENCE.IN_FUTURE': 'invalid',
  'EVIDENCE.CAPTURED_AT_INVALID': 'invalid',
  'EVIDENCE.METHOD_UNKNOWN': 'invalid',
  'EVIDENCE.SOURCE_REQUIRED': 'invalid',
  'OBJECTION.SCOPE_INVALID': 'invalid',
  'DOUBLE_OPT_IN.TOKEN_UNKNOWN': 'not_found',
  'DOUBLE_OPT_IN.TOKEN_USED': 'conflict',
  'DOUBLE_OPT_IN.TOKEN_EXPIRED': 'conflict',
  'DOUBLE_OPT_IN.TOKEN_HASH_INVALID': 'invalid',
  'DOUBLE_OPT_IN.EXPIRY_INVALID': 'invalid',
  'DOUBLE_OPT_IN.REQUEST_EXISTS': 'conflict',
  'DOUBLE_OPT_IN.REQUEST_NOT_FOUND': 'not_found',
  'BLOCK.NOT_FOUND': 'not_found',
  'BLOCK.ALREADY_EXISTS': 'conflict',
  'BLOCK.SCOPE_INVALID': 'invalid',
  'BLOCK.REASON_REQUIRED': 'invalid',
  'BLOCK.REFERENCE_INVALID': 'invalid',
  'SUBJECT.ERASED': 'conflict',
  'REQUEST.ID_INVALID': 'invalid',
  'REQUEST.KIND_UNKNOWN': 'invalid',
  'REQUEST.CHANNEL_UNKNOWN': 'invalid',
  'REQUEST.RECEIVED_AT_INVALID': 'invalid',
  'REQUEST.REFERENCE_INVALID': 'invalid',
  'REQUEST.ALREADY_EXISTS': 'conflict',
  'REQUEST.NOT_FOUND': 'not_found',
  'REQUEST.EXTENSION_INVALID': 'invalid',
  'REQUEST.REASON_REQUIRED': 'invalid',
  'REQUEST.ALREADY_EXTENDED': 'conflict',
  'REQUEST.CLOSED': 'conflict',
  'REQUEST.KIND_MISMATCH': 'invalid',
  'LEGAL_HOLD.ID_INVALID': 'invalid',
  'LEGAL_HOLD.REASON_REQUIRED': 'invalid',
  'LEGAL_HOLD.UNTIL_INVALID': 'invalid',
  'LEGAL_HOLD.ALREADY_EXISTS': 'conflict',
  'LEGAL_HOLD.NOT_FOUND': 'not_found',
  'ERASURE.CAUSE_UNKNOWN': 'invalid',
  'ERASURE.REQUEST_REQUIRED': 'invalid',
  'EXPORT.FORMAT_UNKNOWN': 'invalid',
  // Refusals of the use cases around the deciders and of the HTTP edge's own input checks.
  'VALIDATION.FAILED': 'invalid',
  'VALIDATION.IDEMPOTENCY_KEY': 'invalid',
  'IDEMPOTENCY.KEY_REUSED': 'conflict',
  'RECEIPT.NOT_FOUND': 'not_found',
  'AUDIT.TREE_TOO_SMALL': 'not_found',
  'WEBHOOK.NOT_FOUND': 'not_found',
  'WEBHOOK.TARGET_FORBIDDEN': 'invalid',
  'UNSUBSCRIBE.TOKEN_INVALID': 'invalid',
  'UNSUBSCRIBE.TOKEN_EXPIRED': 'invalid',
  // The Privacy Center's links and sessions: none of these reveals anything about the person.
  'PRIVACY_CENTER.LINK_INVALID': 'unauthorized',
  'PRIVACY_CENTER.LINK_EXPIRED': 'unauthorized',
  'PRIVACY_CENTER.LINK_USED': 'unauthorized',
  'PRIVACY_CENTER.SESSION_REQUIRED': 'unauthorized',
  'PRIVACY_CENTER.CSRF_INVALID': 'forbidden',
  'IMPORT.FILE_UNREADABLE': 'invalid',
  'IMPORT.MALFORMED': 'invalid',
  'IMPORT.ENCODING_INVALID': 'invalid',
  'IMPORT.KIND_UNKNOWN': 'invalid',
  'IMPORT.FIELD_REQUIRED': 'invalid',
  'IMPORT.DATE_INVALID': 'invalid',
  'IMPORT.DATE_IN_FUTURE': 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

/** The codes as constants, so callers and tests never spell a code by hand: `ErrorCodes.TOPIC_NOT_FOUND`. */
export const ErrorCodes = Object.fromEntries(
  Object.keys(ERROR_KINDS).map((code) => [code.replace('.', '_'), code]),
) as { readonly [C in ErrorCode as ConstName<C>]: C };

type ConstName<C extends string> = C extends `${infer A}.${infer B}` ? `${A}_${B}` : C;

/**
 * The one place a DomainError is built: the kind (and so the HTTP status) comes from the code, so
 * one code never answers with two statuses.
 */
export function refusal(code: ErrorCode, message: string, field?: string): DomainError {
  return new DomainError(code, message, ERROR_KINDS[code], field);
}

/** The same refusal naming the field the caller sent, where the decider judged a value derived from it. */
export function refusalNaming(error: DomainError, field: string): DomainError {
  return new DomainError(error.code, error.message, error.kind, field);
}

/** Throws the refusal with the kind that belongs to its code. */
export function refuse(code: ErrorCode, message: string, field?: string): never {
  throw refusal(code, message, field);
}

/** A stream read came back empty: the subject was never registered (Art. 15-17 requests name one). */
export const subjectNotRegistered = (): DomainError => refusal('SUBJECT.NOT_FOUND', 'the subject is not registered');

/** A replayed Idempotency-Key with another method, path or body: the first request's key stays its own. */
export const idempotencyKeyReused = (): DomainError =>
  refusal('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different request', 'Idempotency-Key');
