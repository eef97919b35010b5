import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { topicDecider, topicStreamName, type TopicCommand } from '#domain';
import { CommandExecutor, plainCodec, SubjectCodec } from '#application';
import { loadConfig, openInfrastructure, RequestKeys, type Infrastructure } from '#runtime';
import { runImport, type ImportOptions } from '#import';

export interface ImportFixture {
  dataDir: string;
  infra: Infrastructure;
  executor: CommandExecutor;
  /** The master-derived keys the import derives subject ids and keys with. */
  keys: RequestKeys;
  run: (body: string | Buffer, options?: Partial<ImportOptions>) => ReturnType<typeof runImport>;
  eventCount: () => Promise<number>;
  /** Closes the stores and keeps the folder (for a child process to use next). */
  closeStores: () => Promise<void>;
  close: () => Promise<void>;
}

const context = { actor: 'test', now: '2026-01-01T00:00:00.000Z' };

/** Topics as a DPO defines them: `newsletter` (email, consent) and `events` (email and post). */
export async function defineTopics(executor: CommandExecutor, channels: readonly string[]): Promise<void> {
  const topics = [
    {
      topicId: 'newsletter',
      title: 'Newsletter',
      description: 'Monthly product news',
      allowedChannels: ['email'],
      legalBasis: 'consent' as const,
      personalFields: ['firstName'],
      retentionDays: 730,
    },
    {
      topicId: 'events',
      title: 'Events',
      description: 'Invitations to customer events',
      allowedChannels: ['email', 'post'],
      legalBasis: 'legitimate_interest' as const,
      personalFields: [],
      retentionDays: 365,
    },
  ];
  for (const topic of topics) {
    const text = `Yes, ${topic.title}.`;
    const commands: TopicCommand[] = [
      { type: 'DefineTopic', data: topic, metadata: { now: context.now, channels } },
      {
        type: 'PublishConsentTextVersion',
        data: {
          topicId: topic.topicId,
          text,
          textHash: createHash('sha256').update(text).digest('hex'),
          language: 'en',
          change: 'material',
        },
        metadata: { now: context.now },
      },
    ];
    for (const command of commands) {
      await executor.execute({
        stream: topicStreamName(topic.topicId),
        decider: topicDecider,
        command,
        codec: plainCodec,
        context,
      });
    }
  }
}

/** The embedded stores in a temporary folder with the two topics defined. */
export async function openImportFixture(
  dataDir = mkdtempSync(join(tmpdir(), 'ledger-import-')),
  define = true,
): Promise<ImportFixture> {
  const infra = await openInfrastructure(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), () => undefined);
  const executor = new CommandExecutor(infra.eventStore);
  if (define) await defineTopics(executor, infra.config.domain.channels);
  const keys = RequestKeys.load(infra.config);
  const deps = {
    executor,
    eventStore: infra.eventStore,
    codec: new SubjectCodec(infra.crypto),
    domain: infra.config.domain,
    keys,
  };
  return {
    dataDir,
    infra,
    executor,
    keys,
    run: (body, options = {}) => runImport(deps, Readable.from([Buffer.from(body)]), { format: 'ndjson', ...options }),
    eventCount: () => infra.eventStore.headPosition(),
    closeStores: () =>
      Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]).then(() => undefined),
    close: async () => {
      await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ndjson = (records: object[]): string => records.map((record) => JSON.stringify(record)).join('\n') + '\n';

/** A subject with one e-mail contact point and its newsletter consent, as a CRM exports them. */
export function crmSubject(externalId: string, extra: Record<string, unknown> = {}): object[] {
  return [
    {
      kind: 'subject',
      sourceSystem: 'crm',
      externalId,
      locale: 'de-DE',
      contactPoints: [
        { contactPointId: 'email', channel: 'email', address: `${externalId.toLowerCase()}@example.org` },
      ],
      profile: { firstName: 'Anna' },
    },
    {
      kind: 'consent',
      sourceSystem: 'crm',
      externalId,
      topicId: 'newsletter',
      channel: 'email',
      contactPointId: 'email',
      capturedAt: '2021-03-04T10:00:00Z',
      textVersion: 1,
      ipAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      affirmativeAction: true,
      ...extra,
    },
  ];
}

/**
 * Four records a subject, each appending exactly one event: registration, two consents, then a
 * revocation, an objection or a block. Shared by the CLI test and bench/import.bench.ts.
 */
export function generatedSubject(i: number): object[] {
  const base = { sourceSystem: 'bench-crm', externalId: `C-${i}` };
  const capturedAt = new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString();
  const last = [
    { ...base, kind: 'revocation', topicId: 'newsletter', occurredAt: '2024-05-01T00:00:00Z' },
    { ...base, kind: 'objection', scope: 'direct_marketing', occurredAt: '2024-05-01T00:00:00Z' },
    {
      ...base,
      kind: 'block',
      scope: 'channel',
      channel: 'post',
      reason: 'returned mail',
      referenceKind: 'communication',
      referenceId: `M-${i}`,
    },
  ][i % 3];
  return [
    {
      ...base,
      kind: 'subject',
      locale: 'de-DE',
      contactPoints: [{ contactPointId: 'email', channel: 'email', address: `person${i}@example.org` }],
      profile: { firstName: `Name${i}` },
    },
    {
      ...base,
      kind: 'consent',
      topicId: 'newsletter',
      channel: 'email',
      contactPointId: 'email',
      capturedAt,
      textVersion: 1,
      ipAddress: '203.0.113.7',
      affirmativeAction: true,
    },
    { ...base, kind: 'consent', topicId: 'events', channel: 'email', capturedAt, affirmativeAction: true },
    last,
  ];
}
