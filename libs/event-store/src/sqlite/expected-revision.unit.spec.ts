import { WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import { checkExpectedRevision, NO_STREAM_STATE, type StreamState, validateExpected } from './expected-revision';

const live: StreamState = { revision: 4, deletedBefore: 0 };
const softDeleted: StreamState = { revision: 4, deletedBefore: 5 };
const rewritten: StreamState = { revision: 6, deletedBefore: 5 };

const cases: [string, StreamState, ExpectedRevision, number | 'ok'][] = [
  ['any on a missing stream', NO_STREAM_STATE, 'any', 'ok'],
  ['no_stream on a missing stream', NO_STREAM_STATE, 'no_stream', 'ok'],
  ['no_stream on a live stream', live, 'no_stream', 4],
  ['no_stream on a soft-deleted stream', softDeleted, 'no_stream', 'ok'],
  ['stream_exists on a missing stream', NO_STREAM_STATE, 'stream_exists', -1],
  ['stream_exists on a soft-deleted stream', softDeleted, 'stream_exists', -1],
  ['stream_exists on a stream written again after deletion', rewritten, 'stream_exists', 'ok'],
  ['the exact revision', live, 4, 'ok'],
  ['a stale revision', live, 3, 4],
  ['a revision on a missing stream', NO_STREAM_STATE, 0, -1],
];

describe('checkExpectedRevision', () => {
  it.each(cases)('%s', (_name, state, expected, outcome) => {
    const run = () => checkExpectedRevision('s-1', expected, state);
    if (outcome === 'ok') {
      expect(run).not.toThrow();
    } else {
      expect(run).toThrow(WrongExpectedVersionError);
      expect(() => run()).toThrow(expect.objectContaining({ stream: 's-1', expected, actual: outcome }));
    }
  });

  it('rejects malformed expected revisions before anything is written', () => {
    for (const bad of [-1, 1.5, Number.NaN, 'latest']) {
      expect(() => validateExpected(bad as ExpectedRevision)).toThrow(TypeError);
    }
  });
});
