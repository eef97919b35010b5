import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsString, MinLength, ValidateNested } from 'class-validator';
import { DomainError, type DomainErrorKind } from '#domain';
import { WrongExpectedVersionError } from '#event-store';
import { Caller, Public, Roles, type CallerIdentity } from '../../../apps/api/src/auth';

class EvidenceDto {
  @IsBoolean() affirmativeAction!: boolean;
  @IsIn(['checkbox', 'double-opt-in', 'paper', 'verbal', 'import']) method!: string;
}

function isKind(kind: string): kind is DomainErrorKind {
  return ['invalid', 'not_found', 'conflict', 'forbidden'].includes(kind);
}

class ContactPointDto {
  @IsString() @MinLength(3) address!: string;
}

class GrantDto {
  @IsString() topic!: string;
  @ValidateNested() @Type(() => EvidenceDto) evidence!: EvidenceDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ContactPointDto) contactPoints!: ContactPointDto[];
}

/** Test-only routes standing in for the business routes: one per access rule and error path. */
@Controller('e2e')
class GuardedRoutesController {
  @Post('grant')
  @Roles('crm', 'admin')
  grant(@Body() body: GrantDto, @Caller() caller: CallerIdentity) {
    return { caller, body, isDto: body instanceof GrantDto, evidenceIsDto: body.evidence instanceof EvidenceDto };
  }

  @Get('audit')
  @Roles('auditor', 'dpo')
  audit(@Caller() caller: CallerIdentity) {
    return { caller };
  }

  @Get('ping')
  @Public()
  ping() {
    return { pong: true };
  }

  @Get('refuse/:kind')
  @Roles('admin')
  refuse(@Param('kind') kind: string) {
    if (!isKind(kind)) throw new DomainError('TEST.KIND_UNKNOWN', 'no such kind', 'invalid', 'kind');
    throw new DomainError(
      'TEST.REFUSED',
      `refused as ${kind}`,
      kind,
      kind === 'invalid' ? 'evidence.method' : undefined,
    );
  }
}

@Module({ controllers: [GuardedRoutesController] })
export class GuardedRoutesModule {}

/** Failures the error filter must shape; kept apart because the route walk would rightly flag the 500. */
@Controller('e2e')
class FailingRoutesController {
  @Get('concurrent')
  @Roles('admin')
  concurrent() {
    throw new WrongExpectedVersionError('subject-1', 3, 4);
  }

  @Get('crash')
  @Roles('admin')
  crash() {
    throw new Error('internal detail: jane.doe@example.org');
  }
}

@Module({ controllers: [FailingRoutesController] })
export class FailingRoutesModule {}

@Controller('e2e')
class UndeclaredRouteController {
  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }
}

/** A route that forgot to declare its access: the guard must refuse it to everyone. */
@Module({ controllers: [UndeclaredRouteController] })
export class UndeclaredRouteModule {}
