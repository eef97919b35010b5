import { WrongExpectedVersionError } from '../errors';
import { fromWireError, fromWireOutcome, toWireError, toWireOutcome } from './writer-wire';

/** What crosses between threads is structured-cloned; this is what the caller gets back. */
const roundTrip = (error: unknown) => fromWireError(structuredClone(toWireError(error)));

describe('writer thread wire format', () => {
  it('gives a caller back a WrongExpectedVersionError with its stream, expectation and actual revision', () => {
    const back = roundTrip(new WrongExpectedVersionError('subject-1', 4, 7));
    expect(back).toBeInstanceOf(WrongExpectedVersionError);
    expect(back).toMatchObject({
      stream: 'subject-1',
      expected: 4,
      actual: 7,
      code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
    });
    expect(back.message).toBe('Wrong expected version on subject-1: expected 4, actual 7');
  });

  it("keeps a SQLite error's name, message and code, and a TypeError's class", () => {
    const sqlite = Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    expect(roundTrip(sqlite)).toMatchObject({
      name: 'SqliteError',
      message: 'database or disk is full',
      code: 'SQLITE_FULL',
    });
    expect(roundTrip(new TypeError('Invalid expected revision: -2'))).toBeInstanceOf(TypeError);
  });

  it('passes values through and turns refused outcomes back into errors', () => {
    const ok = { ok: true as const, value: { nextExpectedRevision: 0, position: 9 } };
    expect(fromWireOutcome(structuredClone(toWireOutcome(ok)))).toEqual(ok);
    const refused = fromWireOutcome(
      structuredClone(toWireOutcome({ ok: false, error: new WrongExpectedVersionError('s', 'no_stream', 0) })),
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toBeInstanceOf(WrongExpectedVersionError);
  });
});
