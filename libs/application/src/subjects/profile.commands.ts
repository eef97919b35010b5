import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  AddContactPoint,
  RectifyContactPoint,
  RectifyProfile,
  RegisterSubject,
  RemoveContactPoint,
} from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from './subject-command-of';
import { SubjectCommandRunner } from './subject-command-runner';

/** Art. 5(1)(c): the profile may hold only the fields the schema or a topic asks for. */
export class RegisterSubjectCommand extends SubjectCommandOf<RegisterSubject> {}

@CommandHandler(RegisterSubjectCommand)
export class RegisterSubjectHandler implements ICommandHandler<RegisterSubjectCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RegisterSubjectCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RegisterSubject', data, metadata: this.subjects.profileContext(context) },
      context,
    );
  }
}

export class AddContactPointCommand extends SubjectCommandOf<AddContactPoint> {}

@CommandHandler(AddContactPointCommand)
export class AddContactPointHandler implements ICommandHandler<AddContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: AddContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'AddContactPoint', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

export class RectifyContactPointCommand extends SubjectCommandOf<RectifyContactPoint> {}

@CommandHandler(RectifyContactPointCommand)
export class RectifyContactPointHandler implements ICommandHandler<RectifyContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RectifyContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RectifyContactPoint', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

export class RemoveContactPointCommand extends SubjectCommandOf<RemoveContactPoint> {}

@CommandHandler(RemoveContactPointCommand)
export class RemoveContactPointHandler implements ICommandHandler<RemoveContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RemoveContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RemoveContactPoint', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

/** Art. 16: a value sets a field, null removes it; only allowed fields may be set (Art. 5(1)(c)). */
export class RectifyProfileCommand extends SubjectCommandOf<RectifyProfile> {}

@CommandHandler(RectifyProfileCommand)
export class RectifyProfileHandler implements ICommandHandler<RectifyProfileCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RectifyProfileCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RectifyProfile', data, metadata: this.subjects.profileContext(context) },
      context,
    );
  }
}
