import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  ExtendDataSubjectRequest,
  FulfilDataSubjectRequest,
  ReceiveDataSubjectRequest,
  RejectDataSubjectRequest,
} from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from '../subjects/subject-command-of';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';

export type RequestReceived = CommandResult & { dueAt: string };

/** Art. 12(3): the one-month deadline runs from `receivedAt`. */
export class ReceiveDataSubjectRequestCommand extends SubjectCommandOf<ReceiveDataSubjectRequest, RequestReceived> {}

@CommandHandler(ReceiveDataSubjectRequestCommand)
export class ReceiveDataSubjectRequestHandler implements ICommandHandler<ReceiveDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  /** Answers the deadline as recorded (a retry answers the first receipt's, not one from its own time). */
  async execute({ subjectId, data, context }: ReceiveDataSubjectRequestCommand): Promise<RequestReceived> {
    const result = await this.subjects.run(
      subjectId,
      { type: 'ReceiveDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
    const state = await this.subjects.state(subjectId);
    return { ...result, dueAt: ('requests' in state ? state.requests[data.requestId]?.dueAt : undefined)! };
  }
}

/** Art. 12(3): by at most two further months, with the reason stated. */
export class ExtendDataSubjectRequestCommand extends SubjectCommandOf<ExtendDataSubjectRequest> {}

@CommandHandler(ExtendDataSubjectRequestCommand)
export class ExtendDataSubjectRequestHandler implements ICommandHandler<ExtendDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: ExtendDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'ExtendDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

export class FulfilDataSubjectRequestCommand extends SubjectCommandOf<FulfilDataSubjectRequest> {}

@CommandHandler(FulfilDataSubjectRequestCommand)
export class FulfilDataSubjectRequestHandler implements ICommandHandler<FulfilDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: FulfilDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'FulfilDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

/** Art. 12(4): a refusal states its reason. */
export class RejectDataSubjectRequestCommand extends SubjectCommandOf<RejectDataSubjectRequest> {}

@CommandHandler(RejectDataSubjectRequestCommand)
export class RejectDataSubjectRequestHandler implements ICommandHandler<RejectDataSubjectRequestCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RejectDataSubjectRequestCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RejectDataSubjectRequest', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}
