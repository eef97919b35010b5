import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** The form every stored hash was computed over; the fast one must never differ from it. */
function specified(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(specified).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${specified(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, leaves out undefined members and writes no whitespace', () => {
    const value = { b: 1, a: { z: [3, undefined, { y: 'x', c: null }], m: undefined }, '10': true, '9': false, é: 'ü' };
    expect(canonicalJson(value)).toBe('{"10":true,"9":false,"a":{"z":[3,null,{"c":null,"y":"x"}]},"b":1,"é":"ü"}');
  });

  it('writes exactly the form the stored hashes were computed over, for any JSON value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '0', '01', '-1', 'a', 'A'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.array(tie('node')),
        fc.dictionary(key, fc.oneof(tie('node'), fc.constant(undefined))),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === specified(v)),
      { numRuns: 2_000 },
    );
  });

  it('is the same whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        return canonicalJson(reversed) === canonicalJson(record);
      }),
    );
  });
});
