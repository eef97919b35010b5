import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { GrantConsent, RaiseObjection, RevokeConsent } from '#domain';
import type { CommandResult } from '../commands/command-result';
import { SubjectCommandOf } from './subject-command-of';
import { SubjectCommandRunner, topicOfScope } from './subject-command-runner';

/** Art. 6(1)(a), 7(1): decided against the topic's current view and its consent-text versions. */
export class GrantConsentCommand extends SubjectCommandOf<GrantConsent> {}

@CommandHandler(GrantConsentCommand)
export class GrantConsentHandler implements ICommandHandler<GrantConsentCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  async execute({ subjectId, data, context }: GrantConsentCommand): Promise<CommandResult> {
    const metadata = await this.subjects.topicContext(data.topicId, context);
    return this.subjects.run(subjectId, { type: 'GrantConsent', data, metadata }, context);
  }
}

/** Art. 7(3): withdrawal needs no topic view, so a retired or unknown topic never blocks it. */
export class RevokeConsentCommand extends SubjectCommandOf<RevokeConsent> {}

@CommandHandler(RevokeConsentCommand)
export class RevokeConsentHandler implements ICommandHandler<RevokeConsentCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: RevokeConsentCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'RevokeConsent', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}

/** Art. 21(2)-(3): an objection to direct marketing; a topic scope is checked against the topic's view. */
export class RaiseObjectionCommand extends SubjectCommandOf<RaiseObjection> {}

@CommandHandler(RaiseObjectionCommand)
export class RaiseObjectionHandler implements ICommandHandler<RaiseObjectionCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  async execute({ subjectId, data, context }: RaiseObjectionCommand): Promise<CommandResult> {
    const metadata = await this.subjects.topicContext(topicOfScope(data.scope), context);
    return this.subjects.run(subjectId, { type: 'RaiseObjection', data, metadata }, context);
  }
}
