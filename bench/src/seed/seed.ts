import { randomUUID } from 'node:crypto';
import {
  CommandExecutor, ExecuteSubjectCommand, ExecuteSubjectCommandHandler, ExecuteTopicCommand, ExecuteTopicCommandHandler,
  SubjectCodec, TopicViews, type CommandContext, type Infrastructure,
} from '#application';

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

export const evidence = () => ({ method: 'checkbox', capturedAt: new Date().toISOString(), sourceSystem: 'bench', textVersion: 1, affirmativeAction: true });

/**
 * Seeds through the same command handlers the api uses (decide, encrypt, hash chain, append),
 * bypassing only HTTP, so that seeding 100k subjects takes seconds rather than minutes.
 */
export class Seeder {
  private readonly subjects: ExecuteSubjectCommandHandler;
  private readonly topics: ExecuteTopicCommandHandler;
  private readonly views: TopicViews;

  constructor(private readonly infra: Infrastructure) {
    const executor = new CommandExecutor(infra.eventStore);
    this.views = new TopicViews(executor, infra.eventStore, infra.config);
    this.views.onModuleInit();
    this.subjects = new ExecuteSubjectCommandHandler(executor, this.views, new SubjectCodec(infra.crypto), infra.config);
    this.topics = new ExecuteTopicCommandHandler(executor, infra.config);
  }

  async defineTopics(): Promise<void> {
    for (const topicId of TOPICS) {
      const data = { topicId, title: topicId, description: 'benchmark topic', allowedChannels: ['email'], legalBasis: 'consent', personalFields: [], retentionDays: 730 };
      await this.topics.execute(new ExecuteTopicCommand(topicId, { type: 'DefineTopic', data } as never, context()));
      const version = { topicId, text: `I want ${topicId}.`, language: 'en', change: 'material', textHash: 'b'.repeat(64) };
      await this.topics.execute(new ExecuteTopicCommand(topicId, { type: 'PublishConsentTextVersion', data: version } as never, context()));
    }
  }

  /** Registers a subject with an e-mail address and grants CHECKED_TOPIC on e-mail. */
  async subject(i: number): Promise<string> {
    const subjectId = randomUUID();
    const contactPoints = [{ contactPointId: randomUUID(), channel: 'email', address: `person${i}@example.org` }];
    await this.run(subjectId, { type: 'RegisterSubject', data: { subjectId, locale: 'de-DE', contactPoints } });
    await this.run(subjectId, { type: 'GrantConsent', data: { topicId: CHECKED_TOPIC, channel: 'email', evidence: evidence() } });
    return subjectId;
  }

  /** Grants and revokes one topic in turn until the subject has `events` events. */
  async longSubject(events: number): Promise<string> {
    const subjectId = await this.subject(-1);
    for (let n = 2; n < events; n++) {
      const command = n % 2 === 0
        ? { type: 'GrantConsent', data: { topicId: HISTORY_TOPIC, channel: 'email', evidence: evidence() } }
        : { type: 'RevokeConsent', data: { topicId: HISTORY_TOPIC } };
      await this.run(subjectId, command);
    }
    return subjectId;
  }

  async close(): Promise<void> {
    await this.views.onModuleDestroy();
  }

  private async run(subjectId: string, command: object): Promise<void> {
    const result = await this.subjects.execute(new ExecuteSubjectCommand(subjectId, command as never, context()));
    if (result.events.length === 0) throw new Error(`seeding ${JSON.stringify(command).slice(0, 40)} recorded nothing`);
  }
}

/** Seeds `count` subjects, `parallel` at a time, and one subject with 1,000 events. */
export async function seed(infra: Infrastructure, count: number, log: (line: string) => void, parallel = 200): Promise<Seeded> {
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
