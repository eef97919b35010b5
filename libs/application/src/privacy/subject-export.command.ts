import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { subjectDecider, subjectStreamName, type SubjectCommand } from '#domain';
import { type AppConfig, APP_CONFIG } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import { SubjectCodec } from '../subjects/subject-codec';
import { SubjectExportBuilder, type SubjectExport } from './subject-export-builder';

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

/**
 * Art. 15, 20: builds the copy, then records `SubjectExported` (who asked, when); a copy whose
 * handing-out could not be recorded is not handed out. After erasure nothing is recorded.
 */
@CommandHandler(ExportSubjectCommand)
export class ExportSubjectHandler implements ICommandHandler<ExportSubjectCommand> {
  constructor(
    private readonly builder: SubjectExportBuilder,
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ subjectId, requestId, context }: ExportSubjectCommand): Promise<SubjectExport> {
    const document = await this.builder.build(subjectId, context.now);
    if (document.status !== 'registered') return document;
    await this.record(subjectStreamName(subjectId), { requestedBy: context.actor, format: 'json', requestId }, context);
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
