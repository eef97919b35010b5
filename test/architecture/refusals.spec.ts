import { ERROR_KINDS, type ErrorCode } from '#domain';
import { EDGE_STATUS } from '../../apps/api/src/http/edge-refusals';
import { STATUS_BY_KIND } from '../../apps/api/src/http/error-mapping';
import { sourcesUnder } from './import-graph';

/**
 * Every refusal comes from the error catalogue (issue #15): a code is defined once with the kind
 * its HTTP status follows, so no caller can give one code two statuses or invent a near-duplicate.
 */
const CATALOGUE = 'libs/domain/src/shared/error-codes.ts';
const EDGE_CATALOGUE = 'apps/api/src/http/edge-refusals.ts';

describe('the error catalogue', () => {
  const production = ['apps', 'libs', 'projections'].flatMap((folder) => sourcesUnder(folder));

  it('is the only production code that builds a DomainError', () => {
    const builders = production.filter((file) => /\bnew DomainError\s*\(/.test(file.source)).map((file) => file.path);
    expect(builders).toEqual([CATALOGUE]);
  });

  it('is, for the refusals of the HTTP edge, the only production code that builds an ApiHttpException', () => {
    const builders = production
      .filter((file) => /\bnew ApiHttpException\s*\(/.test(file.source))
      .map((file) => file.path);
    expect(builders).toEqual([EDGE_CATALOGUE]);
  });

  it('gives a code both catalogues name one status', () => {
    const shared = Object.keys(EDGE_STATUS).filter(
      (code): code is ErrorCode & keyof typeof EDGE_STATUS => code in ERROR_KINDS,
    );
    expect(shared.filter((code) => STATUS_BY_KIND[ERROR_KINDS[code]] !== EDGE_STATUS[code])).toEqual([]);
  });

  it('spells each code as GROUP.NAME in capitals, so clients can match on the group', () => {
    expect(
      [...Object.keys(ERROR_KINDS), ...Object.keys(EDGE_STATUS)].filter(
        (code) => !/^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/.test(code),
      ),
    ).toEqual([]);
  });
});
