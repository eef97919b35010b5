import type { SubjectCommand } from '#domain';
import type { CommandContext } from '#application';
import type { RawRecord, RecordKind } from './import-record';
import { recordCommand } from './record-commands';
import { recordEnvelope } from './record-envelope';
import { contentHash } from './record-keys';
import type { ImportDeps } from './import-deps';
import { TopicCatalog } from './topic-catalog';
import { RecentIds } from './recent-ids';

/** Who acts on every imported event: one actor, so a file imported by CLI and by API dedupes alike. */
export const IMPORT_ACTOR = 'import';

export type PreparedRecord =
  | { line: number; kind: RecordKind; subjectId: string; command: SubjectCommand; context: CommandContext }
  | { line: number; kind: unknown; error: unknown };

/**
 * A record as the live command it stands for, with the metadata a live handler adds (the time,
 * the configured channels, the topic's view, the allowed profile fields) and its own context.
 */
export class RecordPreparer {
  private readonly topics: TopicCatalog;
  private readonly ids: RecentIds;

  constructor(
    private readonly deps: ImportDeps,
    private readonly runId: string,
    private readonly sourceSystem?: string,
  ) {
    this.topics = new TopicCatalog(deps.executor, deps.eventStore, deps.domain.profileFields);
    this.ids = new RecentIds(deps.keys);
  }

  async prepare({ line, fields }: RawRecord): Promise<PreparedRecord> {
    try {
      const now = new Date().toISOString();
      const envelope = recordEnvelope(fields, now, this.sourceSystem);
      const topic = typeof fields.topicId === 'string' ? await this.topics.view(fields.topicId) : undefined;
      const mapped = recordCommand(envelope, fields, () => topic, this.ids);
      const allowedProfileFields = envelope.kind === 'subject' ? await this.topics.allowedProfileFields() : [];
      const { channels, ageOfDigitalConsent } = this.deps.domain;
      const metadata = { now, channels, topic, allowedProfileFields, ageOfDigitalConsent };
      const context = {
        actor: IMPORT_ACTOR,
        now,
        correlationId: this.runId,
        sourceSystem: envelope.sourceSystem,
        idempotencyKey: mapped.idempotencyKey,
        requestHash: contentHash(this.ids, fields),
      };
      return {
        line,
        kind: envelope.kind,
        subjectId: mapped.subjectId,
        command: { ...mapped.command, metadata },
        context,
      };
    } catch (error) {
      return { line, kind: fields.kind, error };
    }
  }
}
