import { BlindIndexInputError, KeyDestroyedError, type BlindIndexKind, type SubjectCrypto } from '#crypto';
import { isSubjectStream, subjectIdOf } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { ProjectedEvent } from '#projections';

type ContactPoint = { contactPointId: string; channel?: string; address: unknown };

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

/**
 * Adds `derived.blindIndexes` (contact point id -> keyed HMAC of its address) to events that carry
 * addresses, so the pure read models can index e-mail and phone lookups without ever holding a
 * key or a clear-text address. Art. 17: once the subject's key is destroyed nothing is derived,
 * so replaying the log after an erasure never re-indexes the person.
 */
export class BlindIndexDeriver {
  constructor(
    private readonly crypto: SubjectCrypto,
    private readonly store: EventStore,
  ) {}

  async derive(event: RecordedEvent): Promise<ProjectedEvent> {
    const points = isSubjectStream(event.stream) ? contactPointsOf(event) : [];
    if (points.length === 0) return { ...event, derived: {} };
    const blindIndexes: Record<string, string> = {};
    for (const point of points) {
      const channel = point.channel ?? (await this.channelOf(event, point.contactPointId));
      const kind = channel === undefined ? undefined : KIND_BY_CHANNEL[channel];
      if (kind === undefined || typeof point.address !== 'string') continue;
      const address = await this.decrypt(subjectIdOf(event.stream), point.address);
      if (address === undefined) return { ...event, derived: {} };
      const index = this.indexOf(kind, address);
      if (index !== undefined) blindIndexes[point.contactPointId] = index;
    }
    return { ...event, derived: Object.keys(blindIndexes).length > 0 ? { blindIndexes } : {} };
  }

  /** Undefined when the subject was erased; any other failure (wrong vault, tampering) is raised. */
  private async decrypt(subjectId: string, envelope: string): Promise<string | undefined> {
    try {
      return String(await this.crypto.decrypt(subjectId, envelope));
    } catch (error) {
      if (error instanceof KeyDestroyedError) return undefined;
      throw error;
    }
  }

  /** An address the domain accepted but the index cannot normalise stays unsearchable, not fatal. */
  private indexOf(kind: BlindIndexKind, address: string): string | undefined {
    try {
      return this.crypto.blindIndex(kind, address);
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
