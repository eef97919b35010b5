import type { EventData, JsonObject, RecordedEvent } from '#event-store';

/** A domain event as deciders produce and evolve consumes it. */
export interface DomainEvent {
  type: string;
  data: JsonObject;
}

/**
 * The one place events cross between domain form and stored form. Personal fields are protected
 * here (see libs/crypto), so handlers never see ciphertext and stores never see clear text.
 */
export interface EventCodec {
  encode(stream: string, events: readonly DomainEvent[]): Promise<Array<Pick<EventData, 'type' | 'data'>>>;
  decode(stream: string, events: readonly RecordedEvent[]): Promise<DomainEvent[]>;
  /** Loads what decoding these streams needs (their data keys) in one round trip, ahead of decode. */
  prefetch?(streams: readonly string[]): Promise<void>;
}

/** For streams that hold no personal data (topics, anchors). */
export const plainCodec: EventCodec = {
  encode: async (_stream, events) => events.map(({ type, data }) => ({ type, data })),
  decode: async (_stream, events) => events.map(({ type, data }) => ({ type, data })),
};
