import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallerIdentity } from './api-key';
import { Caller } from './caller.decorator';
import { ROLES } from './roles';
import { Roles } from './route-access';
import { Operation } from '../http/openapi/operation.decorators';

/**
 * Who the presented key is: the dashboard shows only what these roles may do. It tells a caller
 * nothing it did not already hold (its own key's name and roles), so every role may ask.
 */
@ApiTags('auth')
@Controller('auth')
export class MeController {
  @Get('me')
  @Operation('Who the API key is', { status: 200, description: 'The key’s name and roles', schema: 'Identity' })
  @Roles(...ROLES)
  me(@Caller() caller: CallerIdentity): { name: string; roles: readonly string[] } {
    return { name: caller.name, roles: [...caller.roles] };
  }
}
