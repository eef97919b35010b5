/**
 * Commands and events are plain, serialisable objects (Emmett's shape). An event's `type` string is
 * permanent once stored: a changed schema gets a new type or an upcaster, never an edit.
 */
export type Command<Type extends string, Data, Metadata> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  /** Context the application adds: the time, the configured channels, a topic view. Never user input. */
  metadata: Readonly<Metadata>;
}>;

export type Event<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** Every command carries the time it is decided at, read by the caller: `decide` never reads a clock. */
export type Clock = { now: string };
