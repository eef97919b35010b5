import { MAX_JSON_NESTING, nestsDeeperThan } from './json-nesting';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(nestsDeeperThan(nested(MAX_JSON_NESTING))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_NESTING + 1))).toBe(true);
    expect(nestsDeeperThan(`{"a":${nested(2)},"b":{"c":{}}}`, 3)).toBe(false);
    expect(nestsDeeperThan(`{"a":{"b":{"c":{}}}}`, 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[["' }), 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\","b":[[]]}', 2)).toBe(true);
  });

  it('counts depth, not the number of siblings', () => {
    expect(nestsDeeperThan(JSON.stringify(Array.from({ length: 10_000 }, () => [{}])), 3)).toBe(false);
  });

  it('scans a 50,000-deep body in a single pass', () => {
    const started = process.hrtime.bigint();
    expect(nestsDeeperThan(`{"a":${nested(50_000)}}`)).toBe(true);
    expect(nestsDeeperThan('[1,' + '"x",'.repeat(50_000) + '2]')).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });
});
