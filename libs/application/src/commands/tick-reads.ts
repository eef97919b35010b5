import type { EventStore, RecordedEvent } from '#event-store';
import type { EventCodec } from './event-codec';

interface Waiting {
  stream: string;
  fromRevision: number;
  codec: EventCodec;
  resolve: (events: RecordedEvent[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The stream reads of commands that arrive in one turn of the event loop, made together: one
 * `readStreams` call (one read transaction on SQLite) for all their streams, one read per
 * (stream, revision) however many commands ask (every grant's topic), and one key-vault read for
 * the data keys the events read need. Each caller then decodes and folds its own list as before.
 */
export class TickReads {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly store: EventStore) {}

  /** The stream's events from `fromRevision` on, as `readStream(stream, { fromRevision })` reads them. */
  read(stream: string, fromRevision: number, codec: EventCodec): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ stream, fromRevision, codec, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    const index = new Map<string, number>();
    const reads = [];
    for (const { stream, fromRevision } of batch) {
      const id = `${fromRevision}:${stream}`;
      if (!index.has(id)) index.set(id, reads.push({ stream, fromRevision }) - 1);
    }
    try {
      const lists = await this.store.readStreams(reads);
      await prefetchKeys(batch, lists, index);
      for (const w of batch) w.resolve(lists[index.get(`${w.fromRevision}:${w.stream}`)!]!);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

/** The codecs' keys for the streams that have events to decode, one prefetch per codec. */
async function prefetchKeys(batch: readonly Waiting[], lists: RecordedEvent[][], index: Map<string, number>) {
  const streams = new Map<EventCodec, string[]>();
  for (const w of batch) {
    if (!w.codec.prefetch || lists[index.get(`${w.fromRevision}:${w.stream}`)!]!.length === 0) continue;
    const list = streams.get(w.codec) ?? [];
    list.push(w.stream);
    streams.set(w.codec, list);
  }
  // Only a head start: a failed prefetch leaves each decode to ask the vault and report its own error.
  await Promise.all([...streams].map(([codec, names]) => codec.prefetch!(names).catch(() => undefined)));
}
