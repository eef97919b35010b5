import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/route-access';
import { LedgerMetrics } from './ledger-metrics';
import { Operation } from '../http/openapi/operation.decorators';

/**
 * Prometheus scrape endpoint. Admin only: projection names, positions and process figures are
 * operational detail, and the scraper gets an admin-role API key (bearer) like any other client.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @Operation('Prometheus metrics', {
    status: 200,
    description: 'Prometheus text exposition format',
    media: ['text/plain'],
  })
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.metrics.registry.metrics();
    await reply.header('Content-Type', this.metrics.registry.contentType).send(body);
  }
}
