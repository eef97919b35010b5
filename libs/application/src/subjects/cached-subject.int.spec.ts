import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subjectDecider, subjectStreamName } from '#domain';
import { CommandExecutor } from '../commands/command-executor';
import { loadConfig } from '../config/app-config';
import { openInfrastructure } from '../infrastructure/open-infrastructure';
import type { Infrastructure } from '../infrastructure/infrastructure.module';
import { SubjectEraser } from '../privacy/subject-eraser';
import { ExecuteTopicCommand, ExecuteTopicCommandHandler } from '../topics/execute-topic-command';
import { TopicViews } from '../topics/topic-views';
import { ExecuteSubjectCommand, ExecuteSubjectCommandHandler, type SubjectCommandInput } from './execute-subject-command';
import { SubjectCodec } from './subject-codec';

const context = { actor: 'crm', now: '2026-11-25T10:00:00.000Z' };
const evidence = { method: 'checkbox', capturedAt: context.now, sourceSystem: 'shop', textVersion: 1, affirmativeAction: true };
const grant: SubjectCommandInput = { type: 'GrantConsent', data: { topicId: 'news', channel: 'email', evidence } } as never;

/** One api instance: its own stores on the shared folder, its own executor and caches (as another process). */
class Instance {
  readonly executor: CommandExecutor;
  readonly views: TopicViews;
  readonly codec: SubjectCodec;
  readonly subjects: ExecuteSubjectCommandHandler;
  readonly topics: ExecuteTopicCommandHandler;

  constructor(readonly infra: Infrastructure) {
    this.executor = new CommandExecutor(infra.eventStore);
    this.views = new TopicViews(this.executor, infra.eventStore, infra.config);
    this.codec = new SubjectCodec(infra.crypto);
    this.subjects = new ExecuteSubjectCommandHandler(this.executor, this.views, this.codec, infra.config);
    this.topics = new ExecuteTopicCommandHandler(this.executor, infra.config);
  }

  run(subjectId: string, command: SubjectCommandInput) {
    return this.subjects.execute(new ExecuteSubjectCommand(subjectId, command, context));
  }

  topic(topicId: string, command: object) {
    return this.topics.execute(new ExecuteTopicCommand(topicId, command as never, context));
  }

  state(subjectId: string) {
    return this.executor.state(subjectStreamName(subjectId), subjectDecider, this.codec);
  }

  erase(subjectId: string) {
    return new SubjectEraser(this.executor, this.codec, this.infra.crypto, this.infra.config.domain.channels).erase(subjectId, { cause: 'controller' }, context);
  }

  close() {
    return Promise.all([this.infra.eventStore.close(), this.infra.readStore.close(), this.infra.keyVault.close()]);
  }
}

describe('a subject cached by one instance and changed by another on the same files', () => {
  let dir: string;
  let a: Instance;
  let b: Instance;
  let subjectId: string;
  const open = async () => new Instance(await openInfrastructure(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), () => undefined));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cached-subject-'));
    a = await open();
    b = await open();
    await a.topic('news', { type: 'DefineTopic', data: { topicId: 'news', title: 'News', description: 'News', allowedChannels: ['email'], legalBasis: 'consent', personalFields: [], retentionDays: 730 } });
    await a.topic('news', { type: 'PublishConsentTextVersion', data: { topicId: 'news', text: 'Yes.', language: 'en', change: 'material', textHash: 'b'.repeat(64) } });
    subjectId = randomUUID();
    await a.run(subjectId, { type: 'RegisterSubject', data: { subjectId, locale: 'de-DE', contactPoints: [{ contactPointId: randomUUID(), channel: 'email', address: 'anna@example.org' }] } } as never);
    await a.run(subjectId, grant);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on the other instance\'s revocation, not on the cached grant', async () => {
    await b.run(subjectId, { type: 'RevokeConsent', data: { topicId: 'news' } } as never);
    // A stale "granted" would make this grant record nothing.
    const again = await a.run(subjectId, grant);
    expect(again.events.map((e) => e.type)).toEqual(['ConsentGranted']);
    expect(again.revision).toBe(3);
  });

  it('refuses a command on a cached subject the other instance erased meanwhile', async () => {
    expect((await a.state(subjectId)).status).toBe('registered');
    expect((await b.erase(subjectId)).outcome).toBe('erased');
    expect(await a.state(subjectId)).toMatchObject({ status: 'erased', subjectId });
    await expect(a.run(subjectId, { type: 'RevokeConsent', data: { topicId: 'news' } } as never)).rejects.toMatchObject({ code: expect.stringMatching(/ERASED/) });
  });

  it('refuses a grant on a topic the other instance retired after this one cached it', async () => {
    await b.topic('news', { type: 'RetireTopic', data: { topicId: 'news' } });
    await a.run(subjectId, { type: 'RevokeConsent', data: { topicId: 'news' } } as never);
    await expect(a.run(subjectId, grant)).rejects.toMatchObject({ code: expect.stringMatching(/^TOPIC\./) });
  });
});
