import { Readable } from 'node:stream';
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { consentReportPage } from '#projections';
import type { ReadStore } from '#read-store';
import { APP_CONFIG, READ_STORE, type AppConfig } from '#runtime';
import { Roles } from '../auth';
import { Operation } from '../http/openapi/operation.decorators';
import { encodeReport, REPORT_MEDIA, reportFormat } from './consent-report-format';
import { nextLink, reportPageQuery } from './consent-report-query';
import { ConsentReportQueryDto } from './dto/consent-report-query.dto';
import { ReadYourWrites } from './read-your-writes';

const REPORT_PATH = '/consents/report';

/** Art. 5(2) accountability: every subject's consent records, pseudonymous, for auditors. */
@ApiTags('read-side')
@ReadYourWrites()
@Controller('consents')
export class ConsentReportController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('report')
  @Operation(
    'Consent records of all subjects, pseudonymous, streamed (Art. 5(2), 7(1))',
    {
      status: 200,
      description:
        'One record per line (NDJSON: subjectId, topicId, channel, contactPointId, status, textVersion, ' +
        'evidenceMethod, capturedAt, recordedAt, eventIds), or CSV with those columns and a header row, by ' +
        'Accept; oldest recordedAt first. Link: <...>; rel="next" when more follow',
      media: [REPORT_MEDIA.ndjson, REPORT_MEDIA.csv],
    },
    'VALIDATION.FAILED',
    'REPORT.RANGE_INVALID',
    'REPORT.CURSOR_INVALID',
    'HTTP.NOT_ACCEPTABLE',
  )
  @ApiHeader({
    name: 'Accept',
    required: false,
    description: `${REPORT_MEDIA.ndjson} (default) or ${REPORT_MEDIA.csv}`,
  })
  @Roles('auditor', 'dpo', 'admin')
  async report(
    @Query() dto: ConsentReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const format = reportFormat(accept);
    const page = await consentReportPage(this.store, reportPageQuery(dto, this.config.domain.channels));
    reply.header('content-type', `${REPORT_MEDIA[format]}; charset=utf-8`);
    reply.header('cache-control', 'no-store');
    if (format === 'csv') reply.header('content-disposition', 'attachment; filename="consent-report.csv"');
    if (page.next) reply.header('link', nextLink(REPORT_PATH, dto, page.next));
    return Readable.from(encodeReport(page.rows, format));
  }
}
