/**
 * Every refusal of the domain is a DomainError with a stable code (`SUBJECT.NOT_FOUND`,
 * `CONSENT.PRE_TICKED`). The kind tells the HTTP edge how to map it without knowing each code.
 */
export type DomainErrorKind = 'invalid' | 'unauthorized' | 'not_found' | 'conflict' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** The input field the refusal is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
