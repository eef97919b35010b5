import { randomUUID } from 'node:crypto';

/** One event as all three stores get it: the same JSON text, about the size of a sealed ConsentGranted. */
export interface BenchEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const CIPHERTEXT = `enc:v1:${'Qk'.repeat(60)}`;
const HASH = 'a'.repeat(64);

export function benchEvent(seq: number): BenchEvent {
  return {
    id: randomUUID(),
    type: 'ConsentGranted',
    data: {
      subjectId: '6f1c1f9e-8d7a-4c59-9d0b-8f5a3a1e2b4c',
      topicId: 'newsletter',
      channel: 'email',
      evidence: {
        method: 'checkbox',
        capturedAt: '2026-01-01T00:00:00.000Z',
        sourceSystem: 'web-shop',
        textVersion: 1,
        textHash: HASH,
        ipAddress: CIPHERTEXT,
        affirmativeAction: true,
      },
      grantedAt: '2026-01-01T00:00:00.000Z',
      seq,
    },
    metadata: { actor: 'bench', recordedAt: '2026-01-01T00:00:00.000Z', hash: HASH, prevHash: HASH },
  };
}

export function benchEvents(count: number, seq: number): BenchEvent[] {
  return Array.from({ length: count }, (_, k) => benchEvent(seq * count + k));
}

/** What one contender must do: append `count` events to `stream` whose current last revision is `revision` (-1: new). */
export interface Appender {
  name: string;
  append(stream: string, revision: number, events: BenchEvent[]): Promise<void>;
  /** Appends of several callers at once; undefined when the contender cannot take them. */
  appendGroup?(appends: ReadonlyArray<{ stream: string; revision: number; events: BenchEvent[] }>): Promise<void>;
  close(): Promise<void>;
}
