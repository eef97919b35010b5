import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { mapPersonalFields, subjectNotRegistered, subjectStreamName } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#runtime';
import { SubjectCodec } from './subject-codec';

export class GetSubjectHistory {
  /** `withPersonalData` false: an auditor sees the proof, not the address (Art. 5(1)(c)). */
  constructor(
    readonly subjectId: string,
    readonly withPersonalData: boolean,
  ) {}
}

export interface HistoryEntry {
  eventId: string;
  type: string;
  revision: number;
  position: number;
  recordedAt: string;
  actor: unknown;
  hash: unknown;
  prevHash: unknown;
  data: Record<string, unknown>;
}

const REDACTED = Object.freeze({ redacted: true });

@QueryHandler(GetSubjectHistory)
export class GetSubjectHistoryHandler implements IQueryHandler<GetSubjectHistory, HistoryEntry[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codec: SubjectCodec,
  ) {}

  async execute({ subjectId, withPersonalData }: GetSubjectHistory): Promise<HistoryEntry[]> {
    const stream = subjectStreamName(subjectId);
    const recorded = await this.store.readStream(stream);
    if (recorded.length === 0) throw subjectNotRegistered();
    const events = withPersonalData
      ? await this.codec.decode(stream, recorded)
      : recorded.map(({ type, data }) => mapPersonalFields({ type, data }, () => REDACTED));
    return recorded.map((event, i) => ({
      eventId: event.id,
      type: event.type,
      revision: event.revision,
      position: event.position,
      recordedAt: event.created.toISOString(),
      actor: event.metadata.actor,
      hash: event.metadata.hash,
      prevHash: event.metadata.prevHash,
      data: events[i].data,
    }));
  }
}
