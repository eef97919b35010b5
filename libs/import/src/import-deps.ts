import type { EventStore } from '#event-store';
import type { CommandExecutor, SubjectCodec } from '#application';
import type { RequestKeys, DomainSettings } from '#runtime';

export interface ImportDeps {
  executor: CommandExecutor;
  eventStore: EventStore;
  /** The subject codec: personal fields are encrypted exactly as for a live command. */
  codec: SubjectCodec;
  domain: DomainSettings;
  /** Keys the records' content-derived ids and Idempotency-Keys (see record-keys.ts). */
  keys: RequestKeys;
}
