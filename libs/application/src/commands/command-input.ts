/** A domain command as its sender states it; its handler adds the metadata (time, channels, views) the decider needs. */
export type CommandInput<C> = C extends unknown ? Omit<C, 'metadata'> : never;
