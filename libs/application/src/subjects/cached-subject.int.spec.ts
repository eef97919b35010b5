import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subjectDecider, subjectStreamName } from '#domain';
import { CommandExecutor } from '../commands/command-executor';
import { loadConfig, openInfrastructure, type Infrastructure } from '#runtime';
import { SubjectEraser } from '../privacy/subject-eraser';
import { TopicCommandRunner } from '../topics/topic-command-runner';
import {
  DefineTopicCommand,
  DefineTopicHandler,
  PublishConsentTextVersionCommand,
  PublishConsentTextVersionHandler,
  RetireTopicCommand,
  RetireTopicHandler,
} from '../topics/topic.commands';
import { TopicViews } from '../topics/topic-views';
import {
  GrantConsentCommand,
  GrantConsentHandler,
  RevokeConsentCommand,
  RevokeConsentHandler,
} from './consent.commands';
import { RegisterSubjectCommand, RegisterSubjectHandler } from './profile.commands';
import { SubjectCodec } from './subject-codec';
import { SubjectCommandRunner } from './subject-command-runner';

const context = { actor: 'crm', now: '2026-11-25T10:00:00.000Z' };
const evidence = {
  method: 'checkbox' as const,
  capturedAt: context.now,
  sourceSystem: 'shop',
  textVersion: 1,
  affirmativeAction: true,
};
const grant = { topicId: 'news', channel: 'email', evidence };

/** One api instance: its own stores on the shared folder, its own executor and caches (as another process). */
class Instance {
  readonly executor: CommandExecutor;
  readonly views: TopicViews;
  readonly codec: SubjectCodec;
  readonly subjects: SubjectCommandRunner;
  readonly topics: TopicCommandRunner;

  constructor(readonly infra: Infrastructure) {
    this.executor = new CommandExecutor(infra.eventStore);
    this.views = new TopicViews(this.executor, infra.eventStore, infra.config);
    this.codec = new SubjectCodec(infra.crypto);
    this.subjects = new SubjectCommandRunner(this.executor, this.views, this.codec, infra.config);
    this.topics = new TopicCommandRunner(this.executor, infra.config);
  }

  register(subjectId: string, address: string) {
    const data = {
      subjectId,
      locale: 'de-DE',
      contactPoints: [{ contactPointId: randomUUID(), channel: 'email', address }],
    };
    return new RegisterSubjectHandler(this.subjects).execute(new RegisterSubjectCommand(subjectId, data, context));
  }

  grant(subjectId: string) {
    return new GrantConsentHandler(this.subjects).execute(new GrantConsentCommand(subjectId, grant, context));
  }

  revoke(subjectId: string) {
    return new RevokeConsentHandler(this.subjects).execute(
      new RevokeConsentCommand(subjectId, { topicId: 'news' }, context),
    );
  }

  async defineNews() {
    const definition = {
      topicId: 'news',
      title: 'News',
      description: 'News',
      allowedChannels: ['email'],
      legalBasis: 'consent' as const,
      personalFields: [],
      retentionDays: 730,
    };
    await new DefineTopicHandler(this.topics).execute(new DefineTopicCommand('news', definition, context));
    const version = {
      topicId: 'news',
      text: 'Yes.',
      language: 'en',
      change: 'material' as const,
      textHash: 'b'.repeat(64),
    };
    await new PublishConsentTextVersionHandler(this.topics, this.views).execute(
      new PublishConsentTextVersionCommand('news', version, context),
    );
  }

  retireNews() {
    return new RetireTopicHandler(this.topics).execute(new RetireTopicCommand('news', { topicId: 'news' }, context));
  }

  state(subjectId: string) {
    return this.executor.state(subjectStreamName(subjectId), subjectDecider, this.codec);
  }

  erase(subjectId: string) {
    return new SubjectEraser(this.executor, this.codec, this.infra.crypto, this.infra.config.domain.channels).erase(
      subjectId,
      { cause: 'controller' },
      context,
    );
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
  const open = async () =>
    new Instance(await openInfrastructure(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), () => undefined));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cached-subject-'));
    a = await open();
    b = await open();
    await a.defineNews();
    subjectId = randomUUID();
    await a.register(subjectId, 'anna@example.org');
    await a.grant(subjectId);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("decides on the other instance's revocation, not on the cached grant", async () => {
    await b.revoke(subjectId);
    // A stale "granted" would make this grant record nothing.
    const again = await a.grant(subjectId);
    expect(again.events.map((e) => e.type)).toEqual(['ConsentGranted']);
    expect(again.revision).toBe(3);
  });

  it('refuses a command on a cached subject the other instance erased meanwhile', async () => {
    expect((await a.state(subjectId)).status).toBe('registered');
    expect((await b.erase(subjectId)).outcome).toBe('erased');
    expect(await a.state(subjectId)).toMatchObject({ status: 'erased', subjectId });
    await expect(a.revoke(subjectId)).rejects.toMatchObject({ code: expect.stringMatching(/ERASED/) });
  });

  it('refuses a grant on a topic the other instance retired after this one cached it', async () => {
    await b.retireNews();
    await a.revoke(subjectId);
    await expect(a.grant(subjectId)).rejects.toMatchObject({ code: expect.stringMatching(/^TOPIC\./) });
  });
});
