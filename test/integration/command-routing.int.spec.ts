import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import {
  DefineTopicCommand,
  ExpireDoubleOptInCommand,
  PublishConsentTextVersionCommand,
  RegisterSubjectCommand,
  RequestDoubleOptInCommand,
  SUBJECT_COMMAND_HANDLERS,
  TOPIC_COMMAND_HANDLERS,
} from '#application';
import { bootApp, type BootedApp } from '../e2e/support/boot';

const at = (iso: string) => ({ actor: 'crm', now: iso });

/** The handler maps are typed over the domain's unions; this checks the running app has every handler. */
describe('command routing in the running app', () => {
  let booted: BootedApp;
  let bus: CommandBus;

  beforeAll(async () => {
    booted = await bootApp();
    bus = booted.app.get(CommandBus);
  });
  afterAll(() => booted.close());

  it('registers a handler for every subject and topic command of the domain', () => {
    const handlers = Object.entries({ ...SUBJECT_COMMAND_HANDLERS, ...TOPIC_COMMAND_HANDLERS });
    expect(handlers).toHaveLength(28);
    const missing = handlers.filter(([, handler]) => !resolves(() => booted.app.get(handler, { strict: false })));
    expect(missing.map(([command]) => command)).toEqual([]);
  });

  // No route sends ExpireDoubleOptIn; its handler is reached through the bus like any other.
  it('records an unconfirmed double opt-in as expired once its time has passed, and only then', async () => {
    const now = new Date().toISOString();
    const definition = {
      topicId: 'news',
      title: 'News',
      description: 'News',
      allowedChannels: ['email'],
      legalBasis: 'consent' as const,
      personalFields: [],
      retentionDays: 730,
    };
    await bus.execute(new DefineTopicCommand('news', definition, at(now)));
    await bus.execute(
      new PublishConsentTextVersionCommand(
        'news',
        { topicId: 'news', text: 'Yes.', language: 'en', change: 'material', textHash: 'c'.repeat(64) },
        at(now),
      ),
    );
    const subjectId = randomUUID();
    const contactPointId = randomUUID();
    await bus.execute(
      new RegisterSubjectCommand(
        subjectId,
        { subjectId, locale: 'en', contactPoints: [{ contactPointId, channel: 'email', address: 'ben@example.org' }] },
        at(now),
      ),
    );
    const issued = await bus.execute(
      new RequestDoubleOptInCommand(
        subjectId,
        { topicId: 'news', channel: 'email', contactPointId, textVersion: 1, sourceSystem: 'shop' },
        at(now),
      ),
    );
    const requestId = issued.requestId!;

    const early = await bus.execute(new ExpireDoubleOptInCommand(subjectId, { requestId }, at(now)));
    expect(early.events).toEqual([]);
    const later = new Date(Date.parse(issued.expiresAt!) + 1000).toISOString();
    const expired = await bus.execute(new ExpireDoubleOptInCommand(subjectId, { requestId }, at(later)));
    expect(expired.events.map((event) => event.type)).toEqual(['DoubleOptInExpired']);
  });
});

function resolves(get: () => unknown): boolean {
  try {
    return get() !== undefined;
  } catch {
    return false;
  }
}
