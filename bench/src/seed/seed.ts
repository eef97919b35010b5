import { randomUUID } from 'node:crypto';
import type { GrantConsent, RevokeConsent } from '#domain';
import {
  CommandExecutor,
  DefineTopicCommand,
  DefineTopicHandler,
  GrantConsentCommand,
  GrantConsentHandler,
  PublishConsentTextVersionCommand,
  PublishConsentTextVersionHandler,
  RegisterSubjectCommand,
  RegisterSubjectHandler,
  RevokeConsentCommand,
  RevokeConsentHandler,
  SubjectCodec,
  SubjectCommandRunner,
  TopicCommandRunner,
  TopicViews,
  type CommandContext,
  type CommandResult,
} from '#application';
import type { Infrastructure } from '#runtime';

/** Topics every scale defines: bench-t0 carries the seeded grants, the others take the HTTP grants. */
export const TOPICS = Array.from({ length: 20 }, (_, i) => `bench-t${i}`);
export const CHECKED_TOPIC = TOPICS[0]!;
const HISTORY_TOPIC = TOPICS[1]!;

export interface Seeded {
  subjectIds: string[];
  /** A subject with 1,000 events, for the export figure. */
  longSubjectId: string;
  events: number;
}

const context = (): CommandContext => ({ actor: 'bench-seed', now: new Date().toISOString() });

export const evidence = () => ({
  method: 'checkbox' as const,
  capturedAt: new Date().toISOString(),
  sourceSystem: 'bench',
  textVersion: 1,
  affirmativeAction: true,
});

/**
 * Seeds through the same command handlers the api uses (decide, encrypt, hash chain, append),
 * bypassing only HTTP, so that seeding 100k subjects takes seconds rather than minutes.
 */
export class Seeder {
  private readonly views: TopicViews;
  private readonly handlers;

  constructor(infra: Infrastructure) {
    const executor = new CommandExecutor(infra.eventStore);
    this.views = new TopicViews(executor, infra.eventStore, infra.config);
    this.views.onModuleInit();
    const subjects = new SubjectCommandRunner(executor, this.views, new SubjectCodec(infra.crypto), infra.config);
    const topics = new TopicCommandRunner(executor, infra.config);
    this.handlers = {
      defineTopic: new DefineTopicHandler(topics),
      publishText: new PublishConsentTextVersionHandler(topics, this.views),
      register: new RegisterSubjectHandler(subjects),
      grant: new GrantConsentHandler(subjects),
      revoke: new RevokeConsentHandler(subjects),
    };
  }

  async defineTopics(): Promise<void> {
    for (const topicId of TOPICS) {
      const data = {
        topicId,
        title: topicId,
        description: 'benchmark topic',
        allowedChannels: ['email'],
        legalBasis: 'consent' as const,
        personalFields: [],
        retentionDays: 730,
      };
      await this.handlers.defineTopic.execute(new DefineTopicCommand(topicId, data, context()));
      const version = {
        topicId,
        text: `I want ${topicId}.`,
        language: 'en',
        change: 'material' as const,
        textHash: 'b'.repeat(64),
      };
      await this.handlers.publishText.execute(new PublishConsentTextVersionCommand(topicId, version, context()));
    }
  }

  /** Registers a subject with an e-mail address and grants CHECKED_TOPIC on e-mail. */
  async subject(i: number): Promise<string> {
    const subjectId = randomUUID();
    const contactPoints = [{ contactPointId: randomUUID(), channel: 'email', address: `person${i}@example.org` }];
    await this.recorded(
      this.handlers.register.execute(
        new RegisterSubjectCommand(subjectId, { subjectId, locale: 'de-DE', contactPoints }, context()),
      ),
    );
    await this.grant(subjectId, { topicId: CHECKED_TOPIC, channel: 'email', evidence: evidence() });
    return subjectId;
  }

  /** Grants and revokes one topic in turn until the subject has `events` events. */
  async longSubject(events: number): Promise<string> {
    const subjectId = await this.subject(-1);
    for (let n = 2; n < events; n++) {
      if (n % 2 === 0) await this.grant(subjectId, { topicId: HISTORY_TOPIC, channel: 'email', evidence: evidence() });
      else await this.revoke(subjectId, { topicId: HISTORY_TOPIC });
    }
    return subjectId;
  }

  async close(): Promise<void> {
    await this.views.onModuleDestroy();
  }

  private grant(subjectId: string, data: GrantConsent['data']): Promise<void> {
    return this.recorded(this.handlers.grant.execute(new GrantConsentCommand(subjectId, data, context())));
  }

  private revoke(subjectId: string, data: RevokeConsent['data']): Promise<void> {
    return this.recorded(this.handlers.revoke.execute(new RevokeConsentCommand(subjectId, data, context())));
  }

  private async recorded(answer: Promise<CommandResult>): Promise<void> {
    const result = await answer;
    if (result.events.length === 0) throw new Error(`seeding ${result.stream} recorded nothing`);
  }
}

/** Seeds `count` subjects, `parallel` at a time, and one subject with 1,000 events. */
export async function seed(
  infra: Infrastructure,
  count: number,
  log: (line: string) => void,
  parallel = 200,
): Promise<Seeded> {
  const seeder = new Seeder(infra);
  try {
    await seeder.defineTopics();
    const subjectIds = new Array<string>(count);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        subjectIds[i] = await seeder.subject(i);
        if ((i + 1) % 50_000 === 0) log(`seed: ${i + 1} subjects`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    const longSubjectId = await seeder.longSubject(1000);
    return { subjectIds, longSubjectId, events: await infra.eventStore.headPosition() };
  } finally {
    await seeder.close();
  }
}
