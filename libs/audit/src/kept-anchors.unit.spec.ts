import { AUDIT_ANCHOR_STREAM } from '#domain';
import { generateKeyPairSync } from 'node:crypto';
import { CHECKPOINT_TREE, signCheckpoint } from './checkpoint';
import { checkKeptAnchors, parseKeptAnchors } from './kept-anchors';
import { LogTree } from './log-tree';
import { fromPrivate } from './signing-key';

const key = fromPrivate(generateKeyPairSync('ed25519').privateKey);
const verifying = { publicKey: key.publicKey, keyId: key.keyId };
const hashOf = (i: number) => i.toString(16).padStart(64, '0');

/** A log of `hashes` events at positions 10, 20, 30...; an anchor event in between is no leaf. */
function treeOf(hashes: string[]): LogTree {
  const tree = new LogTree();
  hashes.forEach((hash, i) => {
    tree.apply({ stream: 'subject-1', position: (i + 1) * 10, metadata: { hash } });
    tree.apply({ stream: AUDIT_ANCHOR_STREAM, position: (i + 1) * 10 + 1, metadata: { hash: 'ff' } });
  });
  return tree;
}

const original = [1, 2, 3, 4, 5, 6].map(hashOf);

function anchorLine(size: number, revision: number): string {
  const tree = treeOf(original.slice(0, size));
  const checkpoint = {
    tree: CHECKPOINT_TREE,
    logSize: size,
    position: size * 10,
    merkleRoot: tree.root(),
    time: '2026-01-01T00:00:00Z',
    keyId: key.keyId,
  } as const;
  return JSON.stringify({ revision, ...signCheckpoint(checkpoint, key) });
}

const lines = [anchorLine(2, 0), anchorLine(4, 1), anchorLine(6, 2)];
const kept = parseKeptAnchors(lines.join('\n'));

describe('checking the log against anchors kept outside it', () => {
  it('holds every anchor of an untouched log, anchor events not being leaves', () => {
    expect(checkKeptAnchors(kept, treeOf(original), verifying)).toEqual({
      checked: 3,
      holding: 3,
      legacy: 0,
      broken: [],
    });
  });

  it('names the anchor a rolled-back log fails and the leaf from which the events are gone', () => {
    const report = checkKeptAnchors(kept, treeOf(original.slice(0, 3)), verifying);
    expect(report.broken).toEqual([
      expect.objectContaining({ line: 2, revision: 1, problem: 'truncated', fromLeaf: 3, afterPosition: 30 }),
      expect.objectContaining({ line: 3, revision: 2, problem: 'truncated', fromLeaf: 3, afterPosition: 30 }),
    ]);
    expect(report.holding).toBe(1);
  });

  it('bounds a changed event by the anchors that still hold', () => {
    const edited = [...original];
    edited[2] = hashOf(99);
    const report = checkKeptAnchors(kept, treeOf(edited), verifying);
    expect(report.broken.map((b) => [b.line, b.problem, b.fromLeaf, b.fromPosition])).toEqual([
      [2, 'changed', 2, 30],
      [3, 'changed', 2, 30],
    ]);
  });

  it('catches two swapped events and a rolled-back log that grew again to the same length', () => {
    const swapped = [original[0]!, original[2]!, original[1]!, ...original.slice(3)];
    expect(checkKeptAnchors(kept, treeOf(swapped), verifying).broken.map((b) => b.fromLeaf)).toEqual([0, 0, 0]);
    const regrown = [...original.slice(0, 4), hashOf(7), hashOf(8)];
    expect(checkKeptAnchors(kept, treeOf(regrown), verifying).broken).toEqual([
      expect.objectContaining({ line: 3, problem: 'changed', fromLeaf: 4, fromPosition: 50 }),
    ]);
  });

  it('refuses a line signed by another key, a line that is no checkpoint, and a line that is no JSON', () => {
    const other = fromPrivate(generateKeyPairSync('ed25519').privateKey);
    const report = checkKeptAnchors(
      parseKeptAnchors([...lines, '', '{"revision":5}', 'not json'].join('\n')),
      treeOf(original),
      { publicKey: other.publicKey, keyId: other.keyId },
    );
    expect(report.broken.map((b) => [b.line, b.problem])).toEqual([
      [1, 'signature'],
      [2, 'signature'],
      [3, 'signature'],
      [5, 'format'],
      [6, 'format'],
    ]);
  });
});
