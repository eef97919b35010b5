import { Command } from '@nestjs/cqrs';
import type { SubjectCommand } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';

/**
 * What a subject command carries from its sender: the subject, the domain command's data as stated,
 * and who asked when. `class GrantConsentCommand extends SubjectCommandOf<GrantConsent> {}` names
 * the domain command it stands for; its handler adds the metadata.
 */
export abstract class SubjectCommandOf<C extends SubjectCommand, Result = CommandResult> extends Command<Result> {
  constructor(
    readonly subjectId: string,
    readonly data: C['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
