import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { LinkExternalId, UnlinkExternalId } from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from './subject-command-of';
import { SubjectCommandRunner } from './subject-command-runner';

/** Identity linking: the subject's id in a CRM or another system, set or corrected (Art. 16). */
export class LinkExternalIdCommand extends SubjectCommandOf<LinkExternalId> {}

@CommandHandler(LinkExternalIdCommand)
export class LinkExternalIdHandler implements ICommandHandler<LinkExternalIdCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: LinkExternalIdCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'LinkExternalId', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

export class UnlinkExternalIdCommand extends SubjectCommandOf<UnlinkExternalId> {}

@CommandHandler(UnlinkExternalIdCommand)
export class UnlinkExternalIdHandler implements ICommandHandler<UnlinkExternalIdCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: UnlinkExternalIdCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'UnlinkExternalId', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}
