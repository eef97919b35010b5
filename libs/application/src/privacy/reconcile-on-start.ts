import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { EVENT_STORE, SUBJECT_CRYPTO } from '#runtime';
import { describeReconcile, reconcileErasures } from './reconcile-erasures';

/**
 * Before the first request: keys restored from a backup for subjects the log says are erased are
 * destroyed again (the log is the source of truth for Art. 17). Logs counts, never ids.
 */
@Injectable()
export class ReconcileOnStart implements OnModuleInit {
  private readonly logger = new Logger('Privacy');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
  ) {}

  async onModuleInit(): Promise<void> {
    const report = await reconcileErasures(this.store, this.crypto);
    const line = describeReconcile(report);
    if (report.destroyedAgain > 0) this.logger.warn(line);
    else this.logger.log(line);
  }
}
