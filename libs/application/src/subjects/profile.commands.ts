import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AddContactPoint, RectifyContactPoint, RectifyProfile, RegisterSubject, RemoveContactPoint } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandRunner } from './subject-command-runner';

/** Art. 5(1)(c): the profile may hold only the fields the schema or a topic asks for. */
export class RegisterSubjectCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: RegisterSubject['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RegisterSubjectCommand)
export class RegisterSubjectHandler implements ICommandHandler<RegisterSubjectCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RegisterSubjectCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'RegisterSubject', data, metadata: this.subjects.profileContext(context) }, context);
  }
}

export class AddContactPointCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: AddContactPoint['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(AddContactPointCommand)
export class AddContactPointHandler implements ICommandHandler<AddContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: AddContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'AddContactPoint', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

export class RectifyContactPointCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: RectifyContactPoint['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RectifyContactPointCommand)
export class RectifyContactPointHandler implements ICommandHandler<RectifyContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RectifyContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'RectifyContactPoint', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

export class RemoveContactPointCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: RemoveContactPoint['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RemoveContactPointCommand)
export class RemoveContactPointHandler implements ICommandHandler<RemoveContactPointCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RemoveContactPointCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'RemoveContactPoint', data, metadata: this.subjects.subjectContext(context) }, context);
  }
}

/** Art. 16: a value sets a field, null removes it; only allowed fields may be set (Art. 5(1)(c)). */
export class RectifyProfileCommand extends Command<CommandResult> {
  constructor(readonly subjectId: string, readonly data: RectifyProfile['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RectifyProfileCommand)
export class RectifyProfileHandler implements ICommandHandler<RectifyProfileCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RectifyProfileCommand): Promise<CommandResult> {
    return this.subjects.run(subjectId, { type: 'RectifyProfile', data, metadata: this.subjects.profileContext(context) }, context);
  }
}
