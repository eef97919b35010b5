import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SubjectCrypto } from '#crypto';
import { SUBJECT_STREAM_PREFIX, SubjectEventType, subjectIdOf } from '#domain';
import type { EventStore, Subscription } from '#event-store';
import { EVENT_STORE, SUBJECT_CRYPTO } from './tokens';

/**
 * Crypto-shredding across processes: the instance that erases a subject destroys the key in the
 * vault and drops it from its own cache, but every other api or projector process may still hold
 * the key unwrapped in memory and would go on decrypting the erased subject's history until the
 * cache evicted it. Each process follows `SubjectErased` in the log and drops the key at once
 * (within the store's subscription latency: immediate in-process, about 25 ms across processes).
 * Erasures before start need nothing: the cache starts empty and the vault has the tombstone.
 */
@Injectable()
export class ErasedKeyEviction implements OnModuleInit, OnModuleDestroy {
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
  ) {}

  async onModuleInit(): Promise<void> {
    const filter = { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: [SubjectEventType.SubjectErased] };
    this.subscription = this.store.subscribeToAll({ after: await this.store.headPosition(), filter }, (events) => {
      for (const { stream } of events) this.crypto.evict(subjectIdOf(stream));
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.close();
  }
}
