/*
 * What one audit checkpoint costs the api at N subjects (issue #14): the log's tree is kept
 * incrementally, so a checkpoint is a root over the kept subtrees and an event an O(log n) append.
 * Run: node --expose-gc -r ./test/fixtures/swc-register.js bench/checkpoint-cost.ts [10000,100000]
 * Synthetic log: 2 events a subject (registered, consent granted) in global order; the cost of
 * reading the log is not part of the figures (the start-up line adds only the hashing).
 */
import { createHash } from 'node:crypto';
import { LogTree } from '#audit';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const hashOf = (i: number) => createHash('sha256').update(String(i)).digest('hex');

function measure(subjects: number): string {
  const events = subjects * 2;
  const hashes = Array.from({ length: events }, (_, i) => hashOf(i));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const tree = new LogTree();
  const started = performance.now();
  hashes.forEach((hash, i) => tree.apply({ stream: `subject-${i >> 1}`, position: i + 1, metadata: { hash } }, hash));
  const buildMs = performance.now() - started;
  global.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore) / 2 ** 20;
  const checkpoint = median(Array.from({ length: 21 }, () => time(() => tree.root())));
  const append = median(
    Array.from({ length: 21 }, (_, i) =>
      time(() => tree.apply({ stream: 'subject-x', position: events + i + 1, metadata: {} }, hashOf(-i))),
    ),
  );
  const proof = median(Array.from({ length: 21 }, (_, i) => time(() => tree.inclusion((i * 7919) % events))));
  return `| ${subjects.toLocaleString('en')} | ${events.toLocaleString('en')} | ${checkpoint.toFixed(3)} ms | ${(append * 1000).toFixed(1)} µs | ${proof.toFixed(3)} ms | ${Math.round(buildMs)} ms | ${heapMiB.toFixed(0)} MiB |`;
}

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

const scales = (process.argv[2] ?? '10000,100000').split(',').map(Number);
console.log(
  '| subjects | leaves | checkpoint (root, median of 21) | append one event | inclusion proof | start-up hashing | tree memory |',
);
console.log('|---|---|---|---|---|---|---|');
for (const subjects of scales) console.log(measure(subjects));
