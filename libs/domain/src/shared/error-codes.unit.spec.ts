import { DomainError } from './domain-error';
import { ERROR_KINDS, ErrorCodes, idempotencyKeyReused, refusal, refuse, subjectNotRegistered } from './error-codes';

describe('error catalogue', () => {
  it('gives each refusal the kind its code is catalogued with', () => {
    for (const code of Object.keys(ERROR_KINDS) as (keyof typeof ERROR_KINDS)[]) {
      expect(refusal(code, 'm').kind).toBe(ERROR_KINDS[code]);
    }
    expect(refusal('WEBHOOK.TARGET_FORBIDDEN', 'url is private', 'url')).toMatchObject({
      code: 'WEBHOOK.TARGET_FORBIDDEN',
      kind: 'invalid',
      field: 'url',
    });
  });

  it('throws the same refusal it builds', () => {
    expect(() => refuse('RECEIPT.NOT_FOUND', 'no grant')).toThrow(DomainError);
    expect(() => refuse('RECEIPT.NOT_FOUND', 'no grant')).toThrow(
      expect.objectContaining({ code: 'RECEIPT.NOT_FOUND', kind: 'not_found' }),
    );
  });

  it('names the shared refusals by their catalogued codes', () => {
    expect(subjectNotRegistered()).toMatchObject({
      code: ErrorCodes.SUBJECT_NOT_FOUND,
      kind: 'not_found',
      field: undefined,
    });
    expect(idempotencyKeyReused()).toMatchObject({
      code: ErrorCodes.IDEMPOTENCY_KEY_REUSED,
      kind: 'conflict',
      field: 'Idempotency-Key',
    });
  });
});
