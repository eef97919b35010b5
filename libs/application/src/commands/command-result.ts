/** What every command answers: where its events landed, so clients can read their own writes. */
export interface CommandResult {
  stream: string;
  /** Revision of the stream after the command (-1 when the stream still does not exist). */
  revision: number;
  /** Global position of the last event the command appended (or of the stream head when none). */
  position: number;
  /** Ids and types of the events this command appended; empty when nothing changed. */
  events: Array<{ id: string; type: string }>;
  /** True when an Idempotency-Key matched an earlier command: its result is returned, nothing appended. */
  replayed: boolean;
}
