import { UnsupportedValueError } from './errors';

// One tag byte keeps a string a string and a number a number through a round trip.
const STRING = 0x73; // 's'
const JSON_VALUE = 0x6a; // 'j'

export function encodeValue(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.concat([Buffer.of(STRING), Buffer.from(value, 'utf8')]);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new UnsupportedValueError(typeof value);
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new UnsupportedValueError(typeof value);
  return Buffer.concat([Buffer.of(JSON_VALUE), Buffer.from(json, 'utf8')]);
}

/** Returns undefined for an unknown tag: the caller treats it as an integrity failure. */
export function decodeValue(plain: Buffer): { value: unknown } | undefined {
  const body = plain.subarray(1).toString('utf8');
  if (plain[0] === STRING) return { value: body };
  if (plain[0] !== JSON_VALUE) return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}
