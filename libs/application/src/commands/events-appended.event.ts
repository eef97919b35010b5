import type { CommandResult } from './command-result';

/**
 * Published on the in-process @nestjs/cqrs EventBus after every successful append: a nudge for
 * listeners in this process (e.g. to refresh a live view sooner). Nothing durable may depend on
 * it — read models follow the event store's subscription (ARCHITECTURE.md, "Proof").
 */
export class EventsAppended {
  constructor(readonly result: CommandResult) {}
}
