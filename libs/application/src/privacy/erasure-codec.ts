import type { SubjectCrypto } from '#crypto';
import { PERSONAL_FIELDS, SubjectEventType, subjectIdOf } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { DomainEvent, EventCodec } from '../commands/event-codec';

const carriesNothingPersonal = (event: DomainEvent): boolean =>
  ((PERSONAL_FIELDS as Record<string, readonly string[] | undefined>)[event.type] ?? ['?']).length === 0;

/**
 * The erasure's codec. `encode` is the one seam of CommandExecutor between `decide` and the
 * append, so this is where the data key is destroyed: after the decision, before `SubjectErased`
 * is stored. If the process dies in between, the vault's tombstone tells the next attempt
 * (`keyDestroyed` on the command) to record the erasure without deciding anew: the retry completes.
 * Events without personal fields are stored as they are, as no key exists any more to seal them.
 */
export class ErasureCodec implements EventCodec {
  constructor(
    private readonly inner: EventCodec,
    private readonly crypto: SubjectCrypto,
  ) {}

  async encode(stream: string, events: readonly DomainEvent[]): Promise<Array<Pick<DomainEvent, 'type' | 'data'>>> {
    if (events.some((event) => event.type === SubjectEventType.SubjectErased))
      await this.crypto.shred(subjectIdOf(stream));
    if (events.every(carriesNothingPersonal)) return events.map(({ type, data }) => ({ type, data }));
    return this.inner.encode(stream, events);
  }

  decode(stream: string, recorded: readonly RecordedEvent[]): Promise<DomainEvent[]> {
    return this.inner.decode(stream, recorded);
  }
}
