import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { LiftContactBlock, SetContactBlock } from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from './subject-command-of';
import { SubjectCommandRunner, topicOfScope } from './subject-command-runner';

/** A contact block (Werbesperre); a topic scope is checked against the topic's view. */
export class SetContactBlockCommand extends SubjectCommandOf<SetContactBlock> {}

@CommandHandler(SetContactBlockCommand)
export class SetContactBlockHandler implements ICommandHandler<SetContactBlockCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  async execute({ subjectId, data, context }: SetContactBlockCommand): Promise<CommandResult> {
    const metadata = await this.subjects.topicContext(topicOfScope(data.scope), context);
    return this.subjects.run(subjectId, { type: 'SetContactBlock', data, metadata }, context);
  }
}

export class LiftContactBlockCommand extends SubjectCommandOf<LiftContactBlock> {}

@CommandHandler(LiftContactBlockCommand)
export class LiftContactBlockHandler implements ICommandHandler<LiftContactBlockCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: LiftContactBlockCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'LiftContactBlock', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}
