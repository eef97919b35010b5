import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  mapPersonalFields,
  subjectDecider,
  subjectNotRegistered,
  subjectStreamName,
  type SubjectCommand,
  type SubjectState,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import { SubjectCodec } from '../subjects/subject-codec';
import { EXPORT_FORMAT, exportDocument, topicIdsOf, type ProofEntry } from './export-document';
import { loadTopicRecords } from './topic-records';

export type SubjectExport = Record<string, unknown> & { subjectId: string; status: SubjectState['status'] };

/** Sends `RecordExport` once the copy is built. */
export class ExportSubjectCommand extends Command<SubjectExport> {
  constructor(
    readonly subjectId: string,
    readonly requestId: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const ERASED_MARK = Object.freeze({ erased: true });

/**
 * Art. 15, 20: builds the copy, then records `SubjectExported` (who asked, when); a copy whose
 * handing-out could not be recorded is not handed out. After erasure only the anonymous proof
 * remains: the events with every personal field marked erased, and nothing is recorded.
 */
@CommandHandler(ExportSubjectCommand)
export class ExportSubjectHandler implements ICommandHandler<ExportSubjectCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ subjectId, requestId, context }: ExportSubjectCommand): Promise<SubjectExport> {
    const stream = subjectStreamName(subjectId);
    const recorded = await this.store.readStream(stream);
    if (recorded.length === 0) throw subjectNotRegistered();
    const decoded = await this.codec.decode(stream, recorded);
    const state = decoded.reduce(
      subjectDecider.evolve as (s: SubjectState, e: unknown) => SubjectState,
      subjectDecider.initialState(),
    );
    if (state.status !== 'registered') return erasedProof(subjectId, state, recorded, context.now);
    const topics = await loadTopicRecords(this.executor, topicIdsOf(state));
    const history = recorded.map((event, i) => proofEntry(event, decoded[i].data));
    const document = exportDocument(state, topics, history, context.now);
    await this.record(stream, { requestedBy: context.actor, format: 'json', requestId }, context);
    return document;
  }

  private async record(
    stream: string,
    data: Extract<SubjectCommand, { type: 'RecordExport' }>['data'],
    context: CommandContext,
  ): Promise<void> {
    const metadata = { now: context.now, channels: this.config.domain.channels };
    const command: SubjectCommand = { type: 'RecordExport', data, metadata };
    await this.executor.execute({ stream, decider: subjectDecider, command, codec: this.codec, context });
  }
}

function proofEntry(event: RecordedEvent, data: Record<string, unknown>): ProofEntry {
  const { type, revision, created, metadata } = event;
  return { type, revision, recordedAt: created.toISOString(), hash: metadata.hash, prevHash: metadata.prevHash, data };
}

function erasedProof(subjectId: string, state: SubjectState, recorded: RecordedEvent[], now: string): SubjectExport {
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
