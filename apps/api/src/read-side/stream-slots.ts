import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#runtime';
import { edgeRefusal, type EdgeCode } from '../http/edge-refusals';

export const TOO_MANY_STREAMS = 'STATS.TOO_MANY_STREAMS' satisfies EdgeCode;

/**
 * Open /stats/stream connections per API key, capped (STATS_STREAMS_PER_KEY): a stream holds a
 * socket and a subscription for as long as the client likes, so one key must not hold thousands.
 */
@Injectable()
export class StreamSlots {
  private readonly open = new Map<string, number>();
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.projections.statsStreamsPerKey;
  }

  /** Takes a slot for the key or refuses with 429; the returned release may be called any number of times. */
  acquire(key: string): () => void {
    const held = this.open.get(key) ?? 0;
    if (held >= this.limit)
      throw edgeRefusal(
        TOO_MANY_STREAMS,
        `this API key already holds ${this.limit} open stats streams (STATS_STREAMS_PER_KEY); close one first`,
      );
    this.open.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}
