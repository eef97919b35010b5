import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditSigningKey, ConsentReceipt } from '#audit';
import { refusal } from '#domain';
import type { EventStore } from '#event-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE } from '#runtime';
import { subjectStateAt, type SubjectStateAt } from '../history/subject-state-at';
import { subjectTimeline, type TimelineEntry } from '../history/subject-timeline';
import { latestAnchors, type AnchorRecord } from './checkpoint-list';
import { issueConsentReceipt, type ReceiptRequest } from './consent-receipt';
import { verifySubject, type SubjectVerification } from './subject-verification';
import { AuditCheckpointService } from './checkpoint-service';
import { AUDIT_SIGNING_KEY } from './tokens';

export class ListCheckpoints {
  constructor(readonly limit: number) {}
}
export class VerifySubject {
  constructor(readonly subjectId: string) {}
}
export class GetSubjectTimeline {
  constructor(readonly subjectId: string) {}
}
export class GetSubjectStateAt {
  constructor(
    readonly subjectId: string,
    readonly at: unknown,
    readonly now: string,
  ) {}
}
/** Sizes of two checkpoints' trees, `first` <= `second`. */
export class GetConsistencyProof {
  constructor(
    readonly first: number,
    readonly second: number,
  ) {}
}
export interface ConsistencyProof {
  first: number;
  second: number;
  /** RFC 6962 2.1.2, hex; verify with the two checkpoints' roots (RFC 9162 2.1.4.2). */
  proof: string[];
}
export class GetConsentReceipt {
  constructor(readonly request: ReceiptRequest) {}
}

/** Thin handlers: each one calls the function that does the work (the CLI calls the same ones). */
@QueryHandler(ListCheckpoints)
export class ListCheckpointsHandler implements IQueryHandler<ListCheckpoints, AnchorRecord[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute({ limit }: ListCheckpoints): Promise<AnchorRecord[]> {
    return latestAnchors(this.store, limit);
  }
}

@QueryHandler(VerifySubject)
export class VerifySubjectHandler implements IQueryHandler<VerifySubject, SubjectVerification> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    private readonly tree: AuditCheckpointService,
  ) {}
  execute({ subjectId }: VerifySubject): Promise<SubjectVerification> {
    return verifySubject(this.store, this.tree, this.key, subjectId);
  }
}

@QueryHandler(GetSubjectTimeline)
export class GetSubjectTimelineHandler implements IQueryHandler<GetSubjectTimeline, TimelineEntry[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute({ subjectId }: GetSubjectTimeline): Promise<TimelineEntry[]> {
    return subjectTimeline(this.store, subjectId);
  }
}

@QueryHandler(GetSubjectStateAt)
export class GetSubjectStateAtHandler implements IQueryHandler<GetSubjectStateAt, SubjectStateAt> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute({ subjectId, at, now }: GetSubjectStateAt): Promise<SubjectStateAt> {
    return subjectStateAt(this.store, subjectId, at as string, now);
  }
}

@QueryHandler(GetConsistencyProof)
export class GetConsistencyProofHandler implements IQueryHandler<GetConsistencyProof, ConsistencyProof> {
  constructor(private readonly tree: AuditCheckpointService) {}
  async execute({ first, second }: GetConsistencyProof): Promise<ConsistencyProof> {
    const proof = await this.tree.consistencyBetween(first, second);
    if (!proof) throw refusal('AUDIT.TREE_TOO_SMALL', `the log's tree does not hold ${second} events yet`, 'second');
    return { first, second, proof };
  }
}

@QueryHandler(GetConsentReceipt)
export class GetConsentReceiptHandler implements IQueryHandler<GetConsentReceipt, ConsentReceipt> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tree: AuditCheckpointService,
  ) {}
  execute({ request }: GetConsentReceipt): Promise<ConsentReceipt> {
    return issueConsentReceipt(
      { store: this.store, key: this.key, settings: this.config.audit, tree: this.tree },
      request,
    );
  }
}
