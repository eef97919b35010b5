import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isUuid, refusal, refusalNaming } from '#domain';
import { type AppConfig, APP_CONFIG } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import { hashToken } from '../subjects/derived-tokens';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';
import { ExportLinkTokens } from './export-link-tokens';
import { SubjectExportBuilder, type SubjectExport } from './subject-export-builder';

const DAY_MS = 86_400_000;

export interface ExportDeliveryInput {
  requestId?: string;
  contactPointId?: string;
}

/** The delivery's id and the link's expiry; the link itself goes only to the person, by mail. */
export type ExportDeliveryIssued = CommandResult & { deliveryId?: string; expiresAt?: string };

export class DeliverExportCommand extends Command<ExportDeliveryIssued> {
  constructor(
    readonly subjectId: string,
    readonly input: ExportDeliveryInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Art. 15(3): records the delivery (the link's hash only); the mail outbox sends it from the event. */
@CommandHandler(DeliverExportCommand)
export class DeliverExportHandler implements ICommandHandler<DeliverExportCommand> {
  constructor(
    private readonly subjects: SubjectCommandRunner,
    private readonly tokens: ExportLinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ subjectId, input, context }: DeliverExportCommand): Promise<ExportDeliveryIssued> {
    const deliveryId = randomUUID();
    const tokenHash = hashToken(this.tokens.issue(subjectId, deliveryId));
    const expiresAt = new Date(Date.parse(context.now) + this.config.access.exportLinkTtlDays * DAY_MS).toISOString();
    const data = { ...input, deliveryId, tokenHash, expiresAt, requestedBy: context.actor };
    const metadata = this.subjects.subjectContext(context);
    const result = await this.subjects.run(subjectId, { type: 'DeliverExport', data, metadata }, context);
    return result.replayed || result.events.length === 0 ? result : { ...result, deliveryId, expiresAt };
  }
}

export class OpenExportDeliveryCommand extends Command<SubjectExport> {
  constructor(
    readonly token: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Public: the token is the credential. The copy is generated from the ledger now, then the opening
 * is recorded; a link that cannot be recorded as opened (used, expired, unknown) serves nothing.
 */
@CommandHandler(OpenExportDeliveryCommand)
export class OpenExportDeliveryHandler implements ICommandHandler<OpenExportDeliveryCommand> {
  constructor(
    private readonly subjects: SubjectCommandRunner,
    private readonly builder: SubjectExportBuilder,
  ) {}

  async execute({ token, context }: OpenExportDeliveryCommand): Promise<SubjectExport> {
    const subjectId = token.split('.')[0];
    if (!isUuid(subjectId)) throw refusal('EXPORT_LINK.UNKNOWN', 'unknown download link', 'token');
    const document = await this.builder.build(subjectId, context.now).catch(asLinkRefusal);
    const data = { tokenHash: hashToken(token) };
    const metadata = this.subjects.subjectContext(context);
    const opened = await this.subjects
      .run(subjectId, { type: 'OpenExportDelivery', data, metadata }, context)
      .catch(asLinkRefusal);
    // A repeated Idempotency-Key would answer the first opening's result: the link is spent, so
    // serving the copy again would make it a lasting key to the person's data (Art. 32(1)(b)).
    if (opened.replayed) throw refusal('EXPORT_LINK.USED', 'this download link was already used', 'token');
    return document;
  }
}

/** A link of an unknown or erased subject is, to whoever holds it, simply not a valid link. */
function asLinkRefusal(error: unknown): never {
  if (error instanceof DomainError && (error.code === 'SUBJECT.NOT_FOUND' || error.code === 'SUBJECT.ERASED'))
    throw refusal('EXPORT_LINK.UNKNOWN', 'unknown download link', 'token');
  if (error instanceof DomainError && error.field === 'tokenHash') throw refusalNaming(error, 'token');
  throw error;
}
