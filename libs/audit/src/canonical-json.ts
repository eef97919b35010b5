/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units, as Array#sort does), no
 * whitespace, `undefined` members left out and `undefined` array items written as null. Hashes
 * are computed over this form so that every store and every language can recompute them from what
 * is stored. Every appended event and every imported record goes through it, so the value is
 * copied with its keys in that order and written by the native JSON.stringify; objects whose key
 * order a copy cannot keep are written by hand. `leaveOut` names a top-level member to omit (an
 * event's own hash, see eventHash).
 */
export function canonicalJson(value: unknown, leaveOut?: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const ordered = orderedCopy(value, leaveOut);
  return ordered === UNORDERABLE ? written(value, leaveOut) : JSON.stringify(ordered);
}

const UNORDERABLE = Symbol('unorderable');

/**
 * JS enumerates integer-like keys first, in numeric order, and `__proto__` set on a plain object
 * replaces its prototype: such a key cannot take its canonical place in a copy.
 */
function orderable(key: string): boolean {
  const first = key.charCodeAt(0);
  return !(first >= 48 && first <= 57) && key !== '__proto__';
}

/** A copy whose own keys are in canonical order (JSON.stringify then writes the canonical form), or UNORDERABLE. */
function orderedCopy(value: unknown, leaveOut?: string): unknown {
  if (value === null || typeof value !== 'object') {
    // As written by hand: a function or symbol member is null, not left out.
    return typeof value === 'function' || typeof value === 'symbol' ? null : value;
  }
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = orderedCopy(value[i]);
      if (item === UNORDERABLE) return UNORDERABLE;
      items[i] = item;
    }
    return items;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || key === leaveOut) continue;
    const item = orderable(key) ? orderedCopy(member) : UNORDERABLE;
    if (item === UNORDERABLE) return UNORDERABLE;
    copy[key] = item;
  }
  return copy;
}

/** The canonical form written member by member, for values with keys a copy cannot order. */
function written(value: unknown, leaveOut?: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + written(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || key === leaveOut) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${written(member)}`;
  }
  return `${out}}`;
}
