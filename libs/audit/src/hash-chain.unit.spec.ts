import { hash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, sealEvents } from './hash-chain';

const events = [
  { type: 'A', data: { b: 1, a: 'x' }, metadata: { actor: 'crm' } },
  { type: 'B', data: { nested: { z: [1, { y: 2, x: 1 }] } }, metadata: { actor: 'crm' } },
];

describe('hash chain', () => {
  it('orders keys canonically so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('links the first event to the genesis hash and each next one to its predecessor', () => {
    const sealed = sealEvents('subject-1', 0, undefined, events);
    expect(sealed[0].metadata.prevHash).toBe(GENESIS_HASH);
    expect(sealed[1].metadata.prevHash).toBe(sealed[0].metadata.hash);
  });

  it('recomputes to the stored hash, and any changed byte changes it', () => {
    const [first] = sealEvents('subject-1', 0, undefined, events);
    const stored = { stream: 'subject-1', revision: 0, ...first };
    expect(eventHash(stored)).toBe(first.metadata.hash);
    expect(eventHash({ ...stored, data: { b: 1, a: 'y' } })).not.toBe(first.metadata.hash);
    expect(eventHash({ ...stored, revision: 1 })).not.toBe(first.metadata.hash);
    expect(eventHash({ ...stored, stream: 'subject-2' })).not.toBe(first.metadata.hash);
  });

  it('continues a chain from an existing head', () => {
    const [head] = sealEvents('s', 0, undefined, events.slice(0, 1));
    const [next] = sealEvents('s', 1, head.metadata.hash as string, events.slice(1));
    expect(next.metadata.prevHash).toBe(head.metadata.hash);
  });

  it('hashes exactly the canonical form of the event with its own hash left out', () => {
    const json = fc.dictionary(fc.string(), fc.jsonValue());
    const chained = fc.record({
      stream: fc.string(),
      revision: fc.nat(),
      type: fc.string(),
      data: json,
      metadata: fc.record({ hash: fc.string(), prevHash: fc.string(), rest: json }),
    });
    fc.assert(
      fc.property(chained, (event) => {
        const { hash: _own, ...metadata } = event.metadata;
        const { stream, revision, type, data } = event;
        const expected = hash('sha256', canonicalJson({ stream, revision, type, data, metadata }), 'hex');
        return eventHash(event) === expected;
      }),
    );
  });
});
