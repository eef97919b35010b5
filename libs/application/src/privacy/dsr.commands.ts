import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ExtendDataSubjectRequest, FulfilDataSubjectRequest, ReceiveDataSubjectRequest, RejectDataSubjectRequest } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';

/** Art. 12(3): the one-month deadline runs from `receivedAt`. */
export class ReceiveDataSubjectRequestCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: ReceiveDataSubjectRequest['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(ReceiveDataSubjectRequestCommand)
export class ReceiveDataSubjectRequestHandler implements ICommandHandler<ReceiveDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: ReceiveDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'ReceiveDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

/** Art. 12(3): by at most two further months, with the reason stated. */
export class ExtendDataSubjectRequestCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: ExtendDataSubjectRequest['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(ExtendDataSubjectRequestCommand)
export class ExtendDataSubjectRequestHandler implements ICommandHandler<ExtendDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: ExtendDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'ExtendDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

export class FulfilDataSubjectRequestCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: FulfilDataSubjectRequest['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(FulfilDataSubjectRequestCommand)
export class FulfilDataSubjectRequestHandler implements ICommandHandler<FulfilDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: FulfilDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'FulfilDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

/** Art. 12(4): a refusal states its reason. */
export class RejectDataSubjectRequestCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: RejectDataSubjectRequest['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RejectDataSubjectRequestCommand)
export class RejectDataSubjectRequestHandler implements ICommandHandler<RejectDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RejectDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'RejectDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}
