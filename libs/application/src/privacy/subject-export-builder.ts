import { Inject, Injectable } from '@nestjs/common';
import { mapPersonalFields, subjectDecider, subjectNotRegistered, subjectStreamName, type SubjectState } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { OperationalStore } from '#read-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE, OPERATIONAL_STORE } from '#runtime';
import { CommandExecutor } from '../commands/command-executor';
import { webhookRecipients } from '../register/topic-recipients';
import { SubjectCodec } from '../subjects/subject-codec';
import { rightsSection } from './access-rights';
import { EXPORT_FORMAT, exportDocument, topicIdsOf, type AccessDocument, type ProofEntry } from './export-document';
import { personalDataSources } from './personal-data-sources';
import { loadTopicRecords } from './topic-records';

/** After erasure: the anonymous proof, every personal field marked erased. */
export interface ErasedExport {
  format: typeof EXPORT_FORMAT;
  subjectId: string;
  status: Exclude<SubjectState['status'], 'registered'>;
  exportedAt: string;
  erasedAt?: string;
  cause?: string;
  personalData: { erased: true };
  proof: ProofEntry[];
}

export type SubjectExport = AccessDocument | ErasedExport;

const ERASED_MARK = Object.freeze({ erased: true as const });

/**
 * Builds the Art. 15 answer from the ledger at the moment it is asked for (never stored): the
 * subject's stream decrypted in memory, its topics, their recipients, the sources of its fields.
 * After erasure only the anonymous proof remains: the events with every personal field marked erased.
 */
@Injectable()
export class SubjectExportBuilder {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OPERATIONAL_STORE) private readonly operational: OperationalStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(subjectId: string, now: string): Promise<SubjectExport> {
    const stream = subjectStreamName(subjectId);
    const recorded = await this.store.readStream(stream);
    if (recorded.length === 0) throw subjectNotRegistered();
    const decoded = await this.codec.decode(stream, recorded);
    const state = decoded.reduce(
      subjectDecider.evolve as (s: SubjectState, e: unknown) => SubjectState,
      subjectDecider.initialState(),
    );
    if (state.status !== 'registered') return erasedProof(subjectId, state, recorded, now);
    const topics = await loadTopicRecords(this.executor, topicIdsOf(state));
    const sourced = recorded.map((event, i) => ({ ...event, data: decoded[i].data }));
    const { controllerName, controllerContact } = this.config.audit;
    const facts = {
      recipients: await webhookRecipients(this.operational),
      sources: personalDataSources(sourced),
      rights: rightsSection(
        { name: controllerName, contact: controllerContact },
        this.config.access.supervisoryAuthority,
      ),
    };
    const history = sourced.map((event) => proofEntry(event, event.data));
    return exportDocument(state, topics, history, now, facts);
  }
}

function proofEntry(event: RecordedEvent, data: Record<string, unknown>): ProofEntry {
  const { type, revision, created, metadata } = event;
  return { type, revision, recordedAt: created.toISOString(), hash: metadata.hash, prevHash: metadata.prevHash, data };
}

function erasedProof(
  subjectId: string,
  state: Exclude<SubjectState, { status: 'registered' }>,
  recorded: RecordedEvent[],
  now: string,
): ErasedExport {
  const proof = recorded.map((event) =>
    proofEntry(event, mapPersonalFields({ type: event.type, data: event.data }, () => ERASED_MARK).data),
  );
  const erasure = state.status === 'erased' ? { erasedAt: state.erasedAt, cause: state.cause } : {};
  return {
    format: EXPORT_FORMAT,
    subjectId,
    status: state.status,
    exportedAt: now,
    ...erasure,
    personalData: ERASED_MARK,
    proof,
  };
}
