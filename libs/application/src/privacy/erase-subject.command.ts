import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../commands/command-context';
import { SubjectEraser, type ErasureInput, type ErasureOutcome } from './subject-eraser';

/** Sends `RequestErasure` (see SubjectEraser: it shreds the key between deciding and appending). */
export class EraseSubjectCommand extends Command<ErasureOutcome> {
  constructor(
    readonly subjectId: string,
    readonly input: ErasureInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EraseSubjectCommand)
export class EraseSubjectHandler implements ICommandHandler<EraseSubjectCommand> {
  constructor(private readonly eraser: SubjectEraser) {}

  execute({ subjectId, input, context }: EraseSubjectCommand): Promise<ErasureOutcome> {
    return this.eraser.erase(subjectId, input, context);
  }
}
