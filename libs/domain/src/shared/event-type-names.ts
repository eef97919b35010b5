/**
 * The type names of an event family as constants, from a map the compiler already keeps complete
 * (one key per event type): filters on stored events and `type` checks on untyped ones import these
 * instead of spelling a permanent type string again.
 */
export function eventTypeNames<T extends string>(perType: { readonly [K in T]: unknown }): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(Object.keys(perType).map((type) => [type, type]))) as {
    readonly [K in T]: K;
  };
}
