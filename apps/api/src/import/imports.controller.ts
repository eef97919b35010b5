import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { refusal } from '#domain';
import type { ImportReport } from '#import';
import { Roles } from '../auth';
import { edgeRefusal } from '../http/edge-refusals';
import { IMPORT_MEDIA_TYPES } from './import-body';
import { ImportService } from './import.service';
import { Operation } from '../http/openapi/operation.decorators';

type MediaType = keyof typeof IMPORT_MEDIA_TYPES;

/** Adoption: existing consents, opt-outs and blocks from a CRM (docs/import-format.md). */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  /** The file is the body; each record goes through the deciders of the live commands. */
  @Post()
  @Operation(
    'Import consents, opt-outs and blocks from a CRM file',
    {
      status: 200,
      description: 'The import report: counts, and each refused record with line, field and reason',
      schema: 'ImportReport',
    },
    'IMPORT.BODY_REQUIRED',
    'HTTP.UNSUPPORTED_MEDIA_TYPE',
    'HTTP.PAYLOAD_TOO_LARGE',
    'VALIDATION.FAILED',
  )
  @ApiBody({
    description: 'NDJSON (one record a line) or CSV with a header row, UTF-8; see docs/import-format.md',
    required: true,
    schema: { type: 'string' },
  })
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes(...Object.keys(IMPORT_MEDIA_TYPES))
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'sourceSystem', required: false, description: 'for records that name no sourceSystem' })
  run(
    @Req() request: FastifyRequest,
    @Query('dryRun') dryRun: unknown,
    @Query('sourceSystem') sourceSystem: unknown,
  ): Promise<ImportReport> {
    const format = IMPORT_MEDIA_TYPES[mediaType(request)];
    if (!(request.body instanceof Readable))
      throw edgeRefusal('IMPORT.BODY_REQUIRED', 'send the file as the request body');
    return this.imports.run(request.body, { format, dryRun: flag(dryRun), sourceSystem: source(sourceSystem) });
  }
}

function mediaType(request: FastifyRequest): MediaType {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (isMediaType(type)) return type;
  throw edgeRefusal('HTTP.UNSUPPORTED_MEDIA_TYPE', `send the file as ${Object.keys(IMPORT_MEDIA_TYPES).join(' or ')}`);
}

function isMediaType(type: string): type is MediaType {
  return Object.hasOwn(IMPORT_MEDIA_TYPES, type);
}

function flag(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw refusal('VALIDATION.FAILED', 'dryRun must be true or false', 'dryRun');
}

function source(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw refusal('VALIDATION.FAILED', 'sourceSystem must be one text of 1 to 200 characters', 'sourceSystem');
  }
  return value;
}
