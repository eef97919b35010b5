import { createHash } from 'node:crypto';
import { leafHash, nodeHash, splitPoint } from './merkle-hash';
import { consistencyPath, inclusionPath } from './merkle-proofs';

/** MTH over already hashed leaves; the empty tree's hash is SHA-256 of the empty string. */
export function rootFromLeafHashes(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return createHash('sha256').digest();
  return subtreeRoot(hashes, 0, hashes.length);
}

function subtreeRoot(hashes: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 1) return hashes[start]!;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(hashes, start, start + k), subtreeRoot(hashes, start + k, end));
}

export function merkleRoot(leaves: ReadonlyArray<Buffer | string>): Buffer {
  return rootFromLeafHashes(leaves.map(leafHash));
}

/** PATH(m, D[n]) of RFC 6962 2.1.1 over a tree held whole in memory (the from-scratch reference). */
export function inclusionProof(hashes: readonly Buffer[], index: number): Buffer[] {
  return inclusionPath((start, end) => subtreeRoot(hashes, start, end), index, hashes.length);
}

/** PROOF(m, D[n]) of RFC 6962 2.1.2 over a tree held whole in memory (the from-scratch reference). */
export function consistencyProof(hashes: readonly Buffer[], first: number): Buffer[] {
  return consistencyPath((start, end) => subtreeRoot(hashes, start, end), first, hashes.length);
}

/** Recomputes the root from a leaf hash and its path (RFC 9162 2.1.3.2); true when it equals `root`. */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}
