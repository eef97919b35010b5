import { generateKeyPairSync } from 'node:crypto';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { StoredEvent } from './chain-checker';
import { signCheckpoint, CHECKPOINT_EVENT_TYPE, CHECKPOINT_TREE, type Checkpoint } from './checkpoint';
import { sealEvents } from './hash-chain';
import { LogVerifier } from './log-verifier';
import { fromPrivate } from './signing-key';
import { LogTree } from './log-tree';

const key = fromPrivate(generateKeyPairSync('ed25519').privateKey);
const verifying = { publicKey: key.publicKey, keyId: key.keyId };

/** Given a log of two streams with an anchor after the fourth event. */
function log(): StoredEvent[] {
  let position = 0;
  const stream = (name: string, types: string[]) =>
    sealEvents(
      name,
      0,
      undefined,
      types.map((type, i) => ({ type, data: { i }, metadata: { actor: 't' } })),
    ).map((e, revision) => ({ ...e, stream: name, revision, id: `${name}/${revision}`, position: 0 }));
  const events = [...stream('subject-1', ['A', 'B', 'C']), ...stream('topic-x', ['D'])].map((e) => ({
    ...e,
    position: ++position,
  }));
  const tree = new LogTree();
  events.forEach((e) => tree.apply(e));
  const checkpoint: Checkpoint = {
    tree: CHECKPOINT_TREE,
    logSize: tree.size,
    position,
    merkleRoot: tree.root(),
    time: '2026-01-01T00:00:00Z',
    keyId: key.keyId,
  };
  const [anchor] = sealEvents(AUDIT_ANCHOR_STREAM, 0, undefined, [
    { type: CHECKPOINT_EVENT_TYPE, data: { ...signCheckpoint(checkpoint, key) }, metadata: {} },
  ]);
  return [...events, { ...anchor!, stream: AUDIT_ANCHOR_STREAM, revision: 0, id: 'anchor-0', position: ++position }];
}

function verify(events: StoredEvent[]) {
  const anchor = events.find((e) => e.stream === AUDIT_ANCHOR_STREAM)!;
  const verifier = new LogVerifier(
    [(anchor.data as { checkpoint: { position: number } }).checkpoint.position],
    verifying,
  );
  events.forEach((e) => verifier.feed(e));
  return verifier.finish();
}

describe('LogVerifier', () => {
  it('accepts an untouched log with its anchor and counts streams, events and anchors', () => {
    expect(verify(log())).toMatchObject({
      ok: true,
      streams: 3,
      events: 5,
      anchors: 1,
      breaks: 0,
      anchorMismatches: 0,
    });
  });

  it('locates a changed event by stream and revision, with the recorded and recomputed hash', () => {
    const events = log();
    events[1] = { ...events[1]!, data: { i: 99 } };
    const report = verify(events);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      stream: 'subject-1',
      revision: 1,
      kind: 'hash',
      expected: events[1]!.metadata.hash,
    });
    expect(report.breaks).toBe(1);
  });

  it('detects a removed event as a gap in revisions and a broken link', () => {
    const events = log();
    events.splice(1, 1);
    expect(verify(events).firstBreak).toMatchObject({
      stream: 'subject-1',
      revision: 2,
      kind: 'revision',
      expected: '1',
      found: '2',
    });
  });

  it('detects two reordered events', () => {
    const events = log();
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(verify(events).firstBreak).toMatchObject({ stream: 'subject-1', revision: 2, kind: 'revision' });
  });

  it('names the anchor that no longer matches when a stream lost its last event', () => {
    const events = log();
    events.splice(2, 1);
    const report = verify(events);
    expect(report.firstBreak).toBeUndefined();
    expect(report.firstAnchorMismatch).toMatchObject({ anchorEventId: 'anchor-0', field: 'merkleRoot' });
  });

  it('refuses an anchor signed by another key', () => {
    const other = fromPrivate(generateKeyPairSync('ed25519').privateKey);
    const verifier = new LogVerifier([4], { publicKey: other.publicKey, keyId: other.keyId });
    log().forEach((e) => verifier.feed(e));
    expect(verifier.finish().firstAnchorMismatch).toMatchObject({ field: 'signature' });
  });
});
