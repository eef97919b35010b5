import { ERROR_KINDS } from '#domain';
import { sourcesUnder } from './import-graph';

/**
 * Every refusal comes from the error catalogue (issue #15): a code is defined once with the kind
 * its HTTP status follows, so no caller can give one code two statuses or invent a near-duplicate.
 */
const CATALOGUE = 'libs/domain/src/shared/error-codes.ts';

describe('the error catalogue', () => {
  const production = ['apps', 'libs', 'projections'].flatMap((folder) => sourcesUnder(folder));

  it('is the only production code that builds a DomainError', () => {
    const builders = production.filter((file) => /\bnew DomainError\s*\(/.test(file.source)).map((file) => file.path);
    expect(builders).toEqual([CATALOGUE]);
  });

  it('spells each code as GROUP.NAME in capitals, so clients can match on the group', () => {
    expect(Object.keys(ERROR_KINDS).filter((code) => !/^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/.test(code))).toEqual([]);
  });
});
