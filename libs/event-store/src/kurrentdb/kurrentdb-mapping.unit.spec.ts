import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
// The client's own (de)serialisers of stream metadata, to prove our shape survives the wire form.
import { prepareStreamMetadata, readStreamMetadata } from '@kurrent/kurrentdb-client/dist/streams/utils/streamMetadata';
import { WrongExpectedVersionError as KurrentDbWrongExpectedVersion } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import { redactConnectionString, redactText, toDomainError } from './kurrentdb-errors';
import { commitOf, toKurrentDbExpected, toKurrentDbPosition, toRecordedEvent } from './kurrentdb-mapping';
import { fromKurrentDbMetadata, toKurrentDbMetadata } from './kurrentdb-metadata';

const resolved = (overrides: Record<string, unknown> = {}): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: 'subject-1',
      id: 'f5a4c3de-5e6f-4b1a-9a0b-0c1d2e3f4a5b',
      isJson: true,
      revision: 3n,
      type: 'ConsentGranted',
      created: new Date('2026-11-25T10:00:00Z'),
      data: { topic: 'newsletter' },
      metadata: { hash: 'abc' },
      position: { commit: 4242n, prepare: 4242n },
      ...overrides,
    },
    commitPosition: 4242n,
  }) as AllStreamResolvedEvent;

describe('kurrentdb mapping', () => {
  it('maps expected revisions onto the client constants and bigint revisions', () => {
    expect(toKurrentDbExpected('no_stream')).toBe('no_stream');
    expect(toKurrentDbExpected('stream_exists')).toBe('stream_exists');
    expect(toKurrentDbExpected('any')).toBe('any');
    expect(toKurrentDbExpected(0)).toBe(0n);
    expect(toKurrentDbExpected(41)).toBe(41n);
  });

  it('refuses a negative or fractional revision instead of sending it to the server', () => {
    expect(() => toKurrentDbExpected(-1)).toThrow(RangeError);
    expect(() => toKurrentDbExpected(1.5)).toThrow(RangeError);
  });

  it('turns a recorded event into ours with numeric revision, commit position and a Date', () => {
    expect(toRecordedEvent(resolved())).toEqual({
      id: 'f5a4c3de-5e6f-4b1a-9a0b-0c1d2e3f4a5b',
      type: 'ConsentGranted',
      data: { topic: 'newsletter' },
      metadata: { hash: 'abc' },
      stream: 'subject-1',
      revision: 3,
      position: 4242,
      created: new Date('2026-11-25T10:00:00Z'),
    });
  });

  it('reads absent metadata as an empty object', () => {
    expect(toRecordedEvent(resolved({ metadata: undefined }))?.metadata).toEqual({});
  });

  it('skips an entry without an event (an unresolved link)', () => {
    expect(toRecordedEvent({ commitPosition: 1n })).toBeUndefined();
  });

  it('refuses the "no position" sentinel of old servers rather than inventing a position', () => {
    expect(() => commitOf({ commit: 18446744073709551615n, prepare: 0n })).toThrow(/22\.6/);
    expect(() => commitOf(undefined)).toThrow(/position/);
  });

  it('rebuilds a $all position from our number', () => {
    expect(toKurrentDbPosition(77)).toEqual({ commit: 77n, prepare: 77n });
  });
});

describe('kurrentdb errors', () => {
  it('maps the client wrong-expected-version error to ours, -1 for a missing stream', () => {
    const missing = new KurrentDbWrongExpectedVersion(undefined, {
      streamName: 's',
      expected: 3n,
      current: 'no_stream',
    });
    const behind = new KurrentDbWrongExpectedVersion(undefined, { streamName: 's', expected: 3n, current: 5n });
    expect(toDomainError(missing, 's', 3)).toEqual(new WrongExpectedVersionError('s', 3, -1));
    const mapped = toDomainError(behind, 's', 'no_stream') as WrongExpectedVersionError;
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect([mapped.stream, mapped.expected, mapped.actual]).toEqual(['s', 'no_stream', 5]);
  });

  it('leaves other errors alone', () => {
    const other = new Error('boom');
    expect(toDomainError(other, 's', 'any')).toBe(other);
  });

  it('never prints the password of a connection string', () => {
    const cs = 'kurrentdb://admin:s3cr%40t@db:2113?tls=false';
    expect(redactConnectionString(cs)).toBe('kurrentdb://admin:***@db:2113?tls=false');
    expect(redactText(`failed for s3cr%40t at ${cs}`, cs)).not.toContain('s3cr');
    expect(redactConnectionString('kurrentdb://db:2113?tls=false')).toBe('kurrentdb://db:2113?tls=false');
    expect(redactConnectionString('esdb://admin:pw@db:2113')).toBe('esdb://admin:***@db:2113');
  });
});

describe('kurrentdb stream metadata', () => {
  it('round-trips through the wire form, custom metadata under its own key', () => {
    const ours = { maxAge: 60, maxCount: 10, truncateBefore: 2, custom: { retention: 'P10Y' } };
    const wire = prepareStreamMetadata(toKurrentDbMetadata(ours));
    expect(wire).toEqual({ $maxAge: 60, $maxCount: 10, $tb: 2, custom: { retention: 'P10Y' } });
    expect(fromKurrentDbMetadata(readStreamMetadata(wire))).toEqual(ours);
  });

  it('reads a stream without metadata as undefined', () => {
    expect(fromKurrentDbMetadata(undefined)).toBeUndefined();
  });
});
