import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LedgerModule } from '#application';
import { registerImportBodyParsers } from './import-body';
import { ImportsController } from './imports.controller';
import { ImportService } from './import.service';

/** POST /imports, with the NDJSON and CSV body types it alone accepts. */
@Module({
  imports: [LedgerModule],
  controllers: [ImportsController],
  providers: [ImportService],
})
export class ImportHttpModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerImportBodyParsers(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
