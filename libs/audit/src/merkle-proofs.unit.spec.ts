import fc from 'fast-check';
import { leafHash } from './merkle-hash';
import { consistencyProof, inclusionProof, rootFromLeafHashes } from './merkle-tree';
import { verifyConsistency } from './merkle-proofs';
import { MerkleLog } from './merkle-log';

// The reference tree of RFC 6962's test data (certificate-transparency merkle_tree_test.cc).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => leafHash(Buffer.from(hex, 'hex')),
);
const CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const hex = (proof: Buffer[]) => proof.map((p) => p.toString('hex'));
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));
const logOf = (leaves: Buffer[]) => leaves.reduce((log, leaf) => (log.append(leaf), log), new MerkleLog());

describe('RFC 6962 consistency proofs', () => {
  it('match the reference proofs and verify by RFC 9162 2.1.4.2', () => {
    for (const [m, n, expected] of CONSISTENCY) {
      const proof = consistencyProof(LEAVES.slice(0, n), m);
      expect(hex(proof)).toEqual(expected);
      expect(
        verifyConsistency(m, n, proof, rootFromLeafHashes(LEAVES.slice(0, m)), rootFromLeafHashes(LEAVES.slice(0, n))),
      ).toBe(true);
    }
  });

  it('verify between every pair of sizes, and fail for a changed leaf, root or proof hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 70 }), fc.nat(), (n, rawM, pick) => {
        const leaves = leavesOf(n);
        const m = (rawM % n) + 1;
        const proof = consistencyProof(leaves, m);
        const [first, second] = [rootFromLeafHashes(leaves.slice(0, m)), rootFromLeafHashes(leaves)];
        expect(verifyConsistency(m, n, proof, first, second)).toBe(true);
        const edited = [...leaves];
        edited[pick % m] = leafHash('edited');
        expect(verifyConsistency(m, n, consistencyProof(edited, m), first, rootFromLeafHashes(edited))).toBe(false);
        expect(verifyConsistency(m, n, proof, rootFromLeafHashes(edited.slice(0, m)), second)).toBe(false);
        if (proof.length > 0) {
          const bent = proof.map((p, i) => (i === pick % proof.length ? leafHash('bent') : p));
          expect(verifyConsistency(m, n, bent, first, second)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a proof between a longer tree and a shorter one, or a dropped tail', () => {
    const leaves = leavesOf(9);
    const proof = consistencyProof(leaves, 5);
    expect(verifyConsistency(9, 5, proof, rootFromLeafHashes(leaves), rootFromLeafHashes(leaves.slice(0, 5)))).toBe(
      false,
    );
    expect(
      verifyConsistency(
        5,
        8,
        consistencyProof(leaves.slice(0, 8), 5),
        rootFromLeafHashes(leaves.slice(0, 5)),
        rootFromLeafHashes(leaves),
      ),
    ).toBe(false);
  });
});

describe('MerkleLog (incremental, kept subtrees)', () => {
  it('gives the same roots and proofs as the from-scratch tree at every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 130 }), fc.nat(), fc.nat(), (n, a, b) => {
        const leaves = leavesOf(n);
        const log = logOf(leaves);
        const size = (a % n) + 1;
        const index = b % size;
        expect(log.root(size)).toEqual(rootFromLeafHashes(leaves.slice(0, size)));
        expect(hex(log.inclusion(index, size))).toEqual(hex(inclusionProof(leaves.slice(0, size), index)));
        expect(hex(log.consistency(size, n))).toEqual(hex(consistencyProof(leaves, size)));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the reference roots and hashes the empty log to SHA-256 of nothing', () => {
    expect(new MerkleLog().root().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(logOf(LEAVES).root().toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });

  it('refuses a size it does not hold', () => {
    expect(() => logOf(leavesOf(3)).root(4)).toThrow(RangeError);
  });
});
