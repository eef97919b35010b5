import {
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '#event-store';
import type { OperationalStore } from '#read-store';
import {
  CommandExecutor,
  LedgerModule,
  SubjectCodec,
  TopicViews,
  DOUBLE_OPT_IN_TOKENS,
  ExportLinkTokens,
  EmailDirectory,
  PrivacyCenterModule,
  type DoubleOptInTokens,
} from '#application';
import { type AppConfig, APP_CONFIG, EVENT_STORE, OPERATIONAL_STORE, JourneyKeys } from '#runtime';
import { leaseOwnerId, ProjectionLease } from '#projection-runtime';
import { JourneyWorkersLease } from './journey-workers-lease';
import { DoubleOptInMailOutbox } from './mail/doi-mail-outbox';
import { ExportDeliveryMailOutbox } from './mail/export-mail-outbox';
import { openMailTransport, type MailTransport } from './mail/mail-transport';
import type { MailOutboxDeps } from './mail/mail-outbox';

/** What both mail outboxes share: the stores, one transport, the subject codec and the settings. */
type MailDeps = MailOutboxDeps & { executor: CommandExecutor; codec: SubjectCodec; settings: AppConfig['journeys'] };
const MAIL_DEPS = Symbol('MAIL_DEPS');
import { PrivacyCenterLinkTokens } from './privacy-center/privacy-center-link-token';
import { PrivacyCenterLinks } from './privacy-center/privacy-center-links';
import { PrivacyCenterSessions } from './privacy-center/privacy-center-sessions';
import { PrivacyCenterSignIn } from './privacy-center/privacy-center-sign-in';
import { SignInTokens } from './privacy-center/sign-in-tokens';
import { UnsubscribeLinks, UnsubscribeService } from './unsubscribe/unsubscribe.service';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookRegistry } from './webhooks/webhook-registry';

const log = new Logger('Journeys');
const line = (text: string) => log.log(text);
const warn = (text: string) => log.warn(text);

/** One transport for every mail the ledger sends: double opt-in, export delivery and Privacy Center sign-in. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

const privacyCenterProviders = [
  {
    provide: PrivacyCenterLinkTokens,
    inject: [JourneyKeys],
    useFactory: (keys: JourneyKeys) => new PrivacyCenterLinkTokens(keys),
  },
  {
    provide: SignInTokens,
    inject: [OPERATIONAL_STORE, JourneyKeys],
    useFactory: (store: OperationalStore, keys: JourneyKeys) => new SignInTokens(store, keys),
  },
  {
    provide: PrivacyCenterSessions,
    inject: [OPERATIONAL_STORE, JourneyKeys],
    useFactory: (store: OperationalStore, keys: JourneyKeys) => new PrivacyCenterSessions(store, keys),
  },
  {
    provide: PrivacyCenterSignIn,
    inject: [EmailDirectory, SignInTokens, MAIL_TRANSPORT, APP_CONFIG],
    useFactory: (directory: EmailDirectory, tokens: SignInTokens, transport: MailTransport, config: AppConfig) =>
      new PrivacyCenterSignIn({ directory, tokens, transport, settings: config.journeys, log: line }),
  },
  PrivacyCenterLinks,
];

const providers = [
  {
    provide: MAIL_TRANSPORT,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => openMailTransport(config.journeys.smtpUrl, config.dataDir),
  },
  ...privacyCenterProviders,
  { provide: UnsubscribeTokens, inject: [JourneyKeys], useFactory: (keys: JourneyKeys) => new UnsubscribeTokens(keys) },
  {
    provide: WebhookRegistry,
    inject: [OPERATIONAL_STORE, JourneyKeys, APP_CONFIG],
    useFactory: (store: OperationalStore, keys: JourneyKeys, config: AppConfig) =>
      new WebhookRegistry(store, keys, config.journeys.webhooks),
  },
  {
    provide: WebhookDispatcher,
    inject: [WebhookRegistry, EVENT_STORE, OPERATIONAL_STORE, APP_CONFIG],
    useFactory: (registry: WebhookRegistry, eventStore: EventStore, state: OperationalStore, config: AppConfig) =>
      new WebhookDispatcher(registry, {
        eventStore,
        state,
        settings: config.journeys.webhooks,
        source: config.journeys.cloudEventsSource,
        log: line,
        warn,
      }),
  },
  {
    provide: MAIL_DEPS,
    inject: [EVENT_STORE, OPERATIONAL_STORE, CommandExecutor, SubjectCodec, MAIL_TRANSPORT, APP_CONFIG],
    useFactory: (
      eventStore: EventStore,
      state: OperationalStore,
      executor: CommandExecutor,
      codec: SubjectCodec,
      transport: MailTransport,
      config: AppConfig,
    ): MailDeps => {
      return { eventStore, state, executor, codec, transport, settings: config.journeys, log: line, warn };
    },
  },
  {
    provide: DoubleOptInMailOutbox,
    inject: [MAIL_DEPS, TopicViews, DOUBLE_OPT_IN_TOKENS],
    useFactory: (deps: MailDeps, topics: TopicViews, tokens: DoubleOptInTokens) =>
      new DoubleOptInMailOutbox({ ...deps, topics, tokens }),
  },
  {
    provide: ExportDeliveryMailOutbox,
    inject: [MAIL_DEPS, ExportLinkTokens, APP_CONFIG],
    useFactory: (deps: MailDeps, tokens: ExportLinkTokens, config: AppConfig) =>
      new ExportDeliveryMailOutbox({ ...deps, tokens, controllerName: config.audit.controllerName }),
  },
  UnsubscribeService,
  UnsubscribeLinks,
];

/**
 * Journey services: integration-event webhooks, the double opt-in mail outbox and one-click
 * unsubscribe. The workers may run where JOURNEY_WORKERS says (embedded: in the api); of several
 * such processes one at a time runs them, the holder of the `journey-workers` lease.
 */
@Module({
  imports: [LedgerModule, PrivacyCenterModule],
  providers,
  exports: [
    UnsubscribeTokens,
    UnsubscribeService,
    UnsubscribeLinks,
    WebhookRegistry,
    WebhookDispatcher,
    PrivacyCenterLinkTokens,
    PrivacyCenterLinks,
    PrivacyCenterSessions,
    PrivacyCenterSignIn,
    SignInTokens,
    MAIL_TRANSPORT,
  ],
})
export class JourneysModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private lease: JourneyWorkersLease | undefined;

  constructor(
    private readonly webhooks: WebhookDispatcher,
    private readonly outbox: DoubleOptInMailOutbox,
    private readonly exportMails: ExportDeliveryMailOutbox,
    private readonly signIn: PrivacyCenterSignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OPERATIONAL_STORE) private readonly state: OperationalStore,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.webhooks.prepare();
    if (!this.config.journeys.runWorkers) return void log.log('journey workers run elsewhere (JOURNEY_WORKERS=false)');
    const owner = leaseOwnerId();
    const workers = {
      start: async () => {
        await this.webhooks.start();
        this.outbox.start();
        this.exportMails.start();
        log.log(
          `journey workers running: webhooks, double opt-in and export mail (${this.config.journeys.smtpUrl ? 'SMTP' : 'files in outbox-mail/'})`,
        );
      },
      stop: async () => {
        await this.webhooks.stop();
        await this.outbox.stop();
        await this.exportMails.stop();
      },
    };
    this.lease = new JourneyWorkersLease(
      new ProjectionLease(this.state, 'journey-workers', owner, this.config.projections.leaseTtlMs),
      workers,
      line,
    );
    await this.lease.start();
    if (!this.lease.active) log.log('journey workers: another process holds the lease; standing by');
  }

  /** Sign-in mails asked for before the shutdown still go out while the stores are open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.signIn.settled();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lease?.stop();
    this.transport.close();
  }
}
