import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../commands/command-context';
import { SubjectEraser, type ErasureInput, type ErasureOutcome } from './subject-eraser';

export class EraseSubjectCommand {
  constructor(readonly subjectId: string, readonly input: ErasureInput, readonly context: CommandContext) {}
}

@CommandHandler(EraseSubjectCommand)
export class EraseSubjectHandler implements ICommandHandler<EraseSubjectCommand, ErasureOutcome> {
  constructor(private readonly eraser: SubjectEraser) {}

  execute({ subjectId, input, context }: EraseSubjectCommand): Promise<ErasureOutcome> {
    return this.eraser.erase(subjectId, input, context);
  }
}
