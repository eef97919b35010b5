import { createHash } from 'node:crypto';
import { leafHash, nodeHash, splitPoint } from './merkle-hash';
import { inclusionProof, merkleRoot, rootFromLeafHashes, verifyInclusion } from './merkle-tree';

// The leaves and roots of the RFC 6962 reference test data (certificate-transparency, merkle tree tests).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => Buffer.from(hex, 'hex'),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 Merkle tree', () => {
  it('hashes the empty tree to SHA-256 of nothing', () => {
    expect(merkleRoot([]).toString('hex')).toBe(createHash('sha256').digest('hex'));
  });

  it('matches the reference roots for every prefix of the test leaves', () => {
    ROOTS.forEach((root, i) => expect(merkleRoot(LEAVES.slice(0, i + 1)).toString('hex')).toBe(root));
  });

  it('prefixes leaves with 0x00 and nodes with 0x01, so a leaf can never pose as a node', () => {
    const [a, b] = [leafHash('a'), leafHash('b')];
    expect(merkleRoot(['a', 'b'])).toEqual(nodeHash(a, b));
    expect(leafHash(Buffer.concat([a, b]))).not.toEqual(nodeHash(a, b));
  });

  it('splits at the largest power of two below n', () => {
    expect([2, 3, 4, 5, 8, 9].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8]);
  });

  it('proves every leaf of trees of 1 to 8 leaves, and refuses a changed proof or leaf', () => {
    for (let n = 1; n <= LEAVES.length; n++) {
      const hashes = LEAVES.slice(0, n).map(leafHash);
      const root = rootFromLeafHashes(hashes);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(hashes, i);
        expect(verifyInclusion(hashes[i]!, i, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('other'), i, n, proof, root)).toBe(false);
        if (proof.length > 0)
          expect(verifyInclusion(hashes[i]!, i, n, [leafHash('x'), ...proof.slice(1)], root)).toBe(false);
      }
    }
  });
});
