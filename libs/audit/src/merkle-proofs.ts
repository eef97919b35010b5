import { nodeHash, splitPoint } from './merkle-hash';

/** MTH(D[start:end]) of RFC 6962 2.1, from wherever the tree's nodes are kept. */
export type SubtreeRoot = (start: number, end: number) => Buffer;

/** PATH(m, D[n]) of RFC 6962 2.1.1: the sibling hashes from leaf `index` up to the root of `size` leaves. */
export function inclusionPath(rootOf: SubtreeRoot, index: number, size: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= size)
    throw new RangeError(`leaf index ${index} is outside a tree of ${size}`);
  const path: Buffer[] = [];
  let [start, end, m] = [0, size, index];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push(rootOf(start + k, end));
      end = start + k;
    } else {
      path.push(rootOf(start, start + k));
      start += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** PROOF(m, D[n]) of RFC 6962 2.1.2: shows the tree of `first` leaves is a prefix of the tree of `second`. */
export function consistencyPath(rootOf: SubtreeRoot, first: number, second: number): Buffer[] {
  if (!Number.isInteger(first) || first < 0 || first > second)
    throw new RangeError(`no consistency proof from ${first} to ${second} leaves`);
  if (first === 0 || first === second) return [];
  return subproof(rootOf, first, 0, second, true);
}

function subproof(rootOf: SubtreeRoot, m: number, start: number, end: number, complete: boolean): Buffer[] {
  const n = end - start;
  if (m === n) return complete ? [] : [rootOf(start, end)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(rootOf, m, start, start + k, complete), rootOf(start + k, end)];
  return [...subproof(rootOf, m - k, start + k, end, false), rootOf(start, start + k)];
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * RFC 9162 2.1.4.2: true when `proof` shows that the tree of `first` leaves with root `firstRoot`
 * is a prefix of the tree of `second` leaves with root `secondRoot` (nothing covered was changed).
 */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Buffer[],
  firstRoot: Buffer,
  secondRoot: Buffer,
): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn & 1) [fn, sn] = [fn >>> 1, sn >>> 1];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) while (!(fn & 1) && fn !== 0) [fn, sn] = [fn >>> 1, sn >>> 1];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [fn >>> 1, sn >>> 1];
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
