import { BlindIndexInputError, KeyDestroyedError, type BlindIndexKind, type SubjectCrypto } from '#crypto';
import { isSubjectStream, subjectIdOf } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { ProjectedEvent } from '#projections';

type ContactPoint = { contactPointId: string; channel?: string; address: unknown };
type ExternalId = { system: string; id: unknown };
type Derived = ProjectedEvent['derived'];

/** Which blind index a channel's addresses go into; channels without one are not searchable. */
const KIND_BY_CHANNEL: Readonly<Record<string, BlindIndexKind>> = {
  email: 'email',
  sms: 'phone',
  phone: 'phone',
  whatsapp: 'phone',
};

function contactPointsOf(event: RecordedEvent): ContactPoint[] {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'SubjectRegistered':
      return Array.isArray(data.contactPoints) ? (data.contactPoints as ContactPoint[]) : [];
    case 'ContactPointAdded':
    case 'ContactPointRectified':
      return [data as unknown as ContactPoint];
    default:
      return [];
  }
}

function externalIdsOf(event: RecordedEvent): ExternalId[] {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'SubjectRegistered':
      return Array.isArray(data.externalIds) ? (data.externalIds as ExternalId[]) : [];
    case 'ExternalIdLinked':
      return [data as unknown as ExternalId];
    default:
      return [];
  }
}

/** Thrown inside `derive` when the subject's key is gone: nothing at all is derived then. */
const ERASED = Symbol('erased');

/**
 * Adds `derived.blindIndexes` (contact point id -> keyed HMAC of its address) and
 * `derived.externalIdIndexes` (system -> keyed HMAC of `system:id`) to events that carry them, so
 * the pure read models can index lookups without ever holding a key or a clear-text value.
 * Art. 17: once the subject's key is destroyed nothing is derived, so replaying the log after an
 * erasure never re-indexes the person.
 */
export class BlindIndexDeriver {
  constructor(
    private readonly crypto: SubjectCrypto,
    private readonly store: EventStore,
  ) {}

  /** Before deriving a batch: the keys of every subject whose events decrypt, in one vault read. */
  async prepare(batch: readonly RecordedEvent[]): Promise<void> {
    const subjects: string[] = [];
    for (const event of batch) {
      if (!isSubjectStream(event.stream)) continue;
      if (contactPointsOf(event).length > 0 || externalIdsOf(event).length > 0)
        subjects.push(subjectIdOf(event.stream));
    }
    await this.crypto.prefetchKeys(subjects);
  }

  async derive(event: RecordedEvent): Promise<ProjectedEvent> {
    if (!isSubjectStream(event.stream)) return { ...event, derived: {} };
    try {
      const blindIndexes = await this.contactPointIndexes(event);
      const externalIdIndexes = await this.externalIdIndexes(event);
      const derived: Derived = {
        ...(Object.keys(blindIndexes).length > 0 ? { blindIndexes } : {}),
        ...(Object.keys(externalIdIndexes).length > 0 ? { externalIdIndexes } : {}),
      };
      return { ...event, derived };
    } catch (error) {
      if (error === ERASED) return { ...event, derived: {} };
      throw error;
    }
  }

  private async contactPointIndexes(event: RecordedEvent): Promise<Record<string, string>> {
    const indexes: Record<string, string> = {};
    for (const point of contactPointsOf(event)) {
      const channel = point.channel ?? (await this.channelOf(event, point.contactPointId));
      const kind = channel === undefined ? undefined : KIND_BY_CHANNEL[channel];
      if (kind === undefined || typeof point.address !== 'string') continue;
      const index = this.indexOf(kind, await this.decrypt(event, point.address));
      if (index !== undefined) indexes[point.contactPointId] = index;
    }
    return indexes;
  }

  private async externalIdIndexes(event: RecordedEvent): Promise<Record<string, string>> {
    const indexes: Record<string, string> = {};
    for (const { system, id } of externalIdsOf(event)) {
      if (typeof system !== 'string' || typeof id !== 'string') continue;
      const index = this.indexOf('externalId', `${system}:${await this.decrypt(event, id)}`);
      if (index !== undefined) indexes[system] = index;
    }
    return indexes;
  }

  /** Throws ERASED when the subject was erased; any other failure (wrong vault, tampering) is raised. */
  private async decrypt(event: RecordedEvent, envelope: string): Promise<string> {
    try {
      return String(await this.crypto.decrypt(subjectIdOf(event.stream), envelope));
    } catch (error) {
      throw error instanceof KeyDestroyedError ? ERASED : error;
    }
  }

  /** A value the domain accepted but the index cannot normalise stays unsearchable, not fatal. */
  private indexOf(kind: BlindIndexKind, value: string): string | undefined {
    try {
      return this.crypto.blindIndex(kind, value);
    } catch (error) {
      if (error instanceof BlindIndexInputError) return undefined;
      throw error;
    }
  }

  /** A rectification names only the contact point; its channel was fixed when it was added. */
  private async channelOf(event: RecordedEvent, contactPointId: string): Promise<string | undefined> {
    const earlier = await this.store.readStream(event.stream, { maxCount: event.revision });
    let channel: string | undefined;
    for (const e of earlier) {
      for (const p of contactPointsOf(e)) if (p.contactPointId === contactPointId && p.channel) channel = p.channel;
    }
    return channel;
  }
}
