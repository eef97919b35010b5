import { decryptField, encryptField, ERASED, KeyNotFoundError, type SubjectCrypto } from '#crypto';
import { mapPersonalFields, subjectIdOf } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { DomainEvent, EventCodec } from '../commands/event-codec';

/**
 * Personal fields (declared per event type in libs/domain) are encrypted under the subject's own
 * data key on the way in and decrypted on the way out. Once the key is destroyed they read as
 * `{ erased: true }`: the history stays as anonymous proof (Art. 17 by crypto-shredding).
 */
export class SubjectCodec implements EventCodec {
  constructor(private readonly crypto: SubjectCrypto) {}

  async encode(stream: string, events: readonly DomainEvent[]): Promise<DomainEvent[]> {
    const subjectId = subjectIdOf(stream);
    const key = await this.crypto.keys.getOrCreateDataKey(subjectId);
    return events.map((event) => mapPersonalFields(event, (value) => encryptField(key, subjectId, value)));
  }

  /** One key-vault read for the keys not cached; erased or unknown subjects are left to decode. */
  async prefetch(streams: readonly string[]): Promise<void> {
    await this.crypto.prefetchKeys(streams.map(subjectIdOf));
  }

  /** Caches the data keys of these subjects with one vault read; returns those that have none yet. */
  keylessSubjects(subjectIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.crypto.prefetchKeys(subjectIds);
  }

  async decode(stream: string, recorded: readonly RecordedEvent[]): Promise<DomainEvent[]> {
    if (recorded.length === 0) return [];
    const subjectId = subjectIdOf(stream);
    const key = await this.crypto.keys.getDataKey(subjectId);
    if (key === undefined && !(await this.crypto.isShredded(subjectId))) throw new KeyNotFoundError();
    const decrypt = (value: unknown) => (key === undefined ? ERASED : decryptField(key, subjectId, value as string));
    return recorded.map(({ type, data }) => mapPersonalFields({ type, data }, decrypt));
  }
}
