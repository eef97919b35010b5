import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConfirmDoubleOptInCommand, type CommandContext } from '#application';
import { Public } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { ConfirmDoubleOptInDto } from './dto/scopes.dto';
import { CommandOperation } from '../http/openapi/operation.decorators';

interface ClientRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Public: the token is the credential. The confirming request's IP and user agent become the
 * evidence of the affirmative act (Art. 7(1)); they are stored only encrypted.
 */
@ApiTags('consents')
@Controller('double-opt-in')
export class DoubleOptInController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @CommandOperation(
    'Confirm a double opt-in with its token',
    { outcome: 'done', description: 'Confirmed: consent granted', schema: 'DoubleOptInConfirmed' },
    ['ConfirmDoubleOptIn'],
  )
  @Public()
  async confirm(
    @Body() dto: ConfirmDoubleOptInDto,
    @Req() request: ClientRequest,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & { subjectId: string }> {
    const agent = request.headers['user-agent'];
    const evidence = { ipAddress: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 1000) : undefined };
    return this.commands.execute(new ConfirmDoubleOptInCommand(dto.token, evidence, ctx));
  }
}
