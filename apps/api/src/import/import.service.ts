import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG, EVENT_STORE, RequestKeys, type AppConfig } from '#runtime';
import { CommandExecutor, SubjectCodec } from '#application';
import { ImportFileError, runImport, type ImportOptions, type ImportReport } from '#import';
import { refusal } from '#domain';
import type { EventStore } from '#event-store';

/** Runs an import on the app's own executor and codec; logs counts only, never a record. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: RequestKeys,
  ) {}

  async run(body: Readable, options: ImportOptions): Promise<ImportReport> {
    const deps = {
      executor: this.executor,
      eventStore: this.store,
      codec: this.codec,
      domain: this.config.domain,
      keys: this.keys,
    };
    const report = await runImport(deps, body, options).catch((error: unknown) => {
      // A body that cannot be read at all (UTF-16, a CSV header without kind) is the client's to fix.
      throw error instanceof ImportFileError ? refusal('IMPORT.FILE_UNREADABLE', error.message, 'body') : error;
    });
    const { runId, records, imported, duplicates, refused, dryRun } = report;
    this.logger.log({ runId, records, imported, duplicates, refused, dryRun }, 'import finished');
    return report;
  }
}
