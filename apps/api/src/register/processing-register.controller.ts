import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { ReadYourWrites } from '../read-side/read-your-writes';
import type { ProcessingRegister } from './processing-register';
import { ProcessingRegisterService } from './processing-register.service';
import { registerCsv } from './register-csv';

/** Art. 30: the record of processing activities, for the DPO, auditors and supervisory authorities. */
@ApiTags('processing-register')
@Controller('processing-register')
export class ProcessingRegisterController {
  constructor(private readonly register: ProcessingRegisterService) {}

  @Get()
  @Roles('dpo', 'admin', 'auditor')
  @ReadYourWrites()
  @ApiProduces('application/json', 'text/csv')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({ description: 'every topic with purpose, legal basis, data categories, recipients, retention and safeguards' })
  async get(@Query('format') format: unknown, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProcessingRegister | string> {
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
