import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { ReadYourWrites } from '../read-side/read-your-writes';
import type { ProcessingRegister } from './processing-register';
import { ProcessingRegisterService } from './processing-register.service';
import { registerCsv } from './register-csv';
import { Operation } from '../http/openapi/operation.decorators';

/** Art. 30: the record of processing activities, for the DPO, auditors and supervisory authorities. */
@ApiTags('processing-register')
@Controller('processing-register')
export class ProcessingRegisterController {
  constructor(private readonly register: ProcessingRegisterService) {}

  @Get()
  @Operation(
    'The record of processing activities (Art. 30)',
    [
      {
        status: 200,
        description: 'JSON, or CSV with format=csv or Accept: text/csv',
        schema: 'ProcessingRegister',
        media: ['text/csv'],
      },
    ],
    'VALIDATION.FAILED',
  )
  @Roles('dpo', 'admin', 'auditor')
  @ReadYourWrites()
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  async get(
    @Query('format') format: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProcessingRegister | string> {
    const csv = wantsCsv(format, accept);
    const register = await this.register.generate();
    if (!csv) return register;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="processing-register.csv"');
    return registerCsv(register);
  }
}

function wantsCsv(format: unknown, accept: string | undefined): boolean {
  if (format === 'csv') return true;
  if (format === 'json') return false;
  if (format !== undefined) throw refusal('VALIDATION.FAILED', 'format must be json or csv', 'format');
  return (accept ?? '').split(',').some((type) => type.split(';')[0].trim().toLowerCase() === 'text/csv');
}
