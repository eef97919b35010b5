import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlaceLegalHold, ReleaseLegalHold } from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from '../subjects/subject-command-of';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';

/** Art. 17(3)(b), (e): while a hold applies, an erasure is deferred, not refused. */
export class PlaceLegalHoldCommand extends SubjectCommandOf<PlaceLegalHold> {}

@CommandHandler(PlaceLegalHoldCommand)
export class PlaceLegalHoldHandler implements ICommandHandler<PlaceLegalHoldCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: PlaceLegalHoldCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'PlaceLegalHold', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

export class ReleaseLegalHoldCommand extends SubjectCommandOf<ReleaseLegalHold> {}

@CommandHandler(ReleaseLegalHoldCommand)
export class ReleaseLegalHoldHandler implements ICommandHandler<ReleaseLegalHoldCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: ReleaseLegalHoldCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'ReleaseLegalHold', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}
