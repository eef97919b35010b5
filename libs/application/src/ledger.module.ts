import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { CommandExecutor } from './commands/command-executor';
import { EventsAppended } from './commands/events-appended.event';
import { APP_CONFIG, EVENT_STORE, SUBJECT_CRYPTO, type AppConfig, JourneyKeys } from '#runtime';
import { DOUBLE_OPT_IN_TOKENS, DoubleOptInTokens } from './subjects/double-opt-in-token';
import { ExportLinkTokens } from './privacy/export-link-tokens';
import { LiftContactBlockHandler, SetContactBlockHandler } from './subjects/block.commands';
import { GrantConsentHandler, RaiseObjectionHandler, RevokeConsentHandler } from './subjects/consent.commands';
import {
  ConfirmDoubleOptInHandler,
  ExpireDoubleOptInHandler,
  RequestDoubleOptInHandler,
} from './subjects/double-opt-in.commands';
import { LinkExternalIdHandler, UnlinkExternalIdHandler } from './subjects/external-id.commands';
import {
  AddContactPointHandler,
  RectifyContactPointHandler,
  RectifyProfileHandler,
  RegisterSubjectHandler,
  RemoveContactPointHandler,
} from './subjects/profile.commands';
import { SubjectCodec } from './subjects/subject-codec';
import { SubjectCommandRunner } from './subjects/subject-command-runner';
import { GetSubjectHistoryHandler } from './subjects/subject-history.query';
import { TopicCommandRunner } from './topics/topic-command-runner';
import { DefineTopicHandler, PublishConsentTextVersionHandler, RetireTopicHandler } from './topics/topic.commands';
import { TopicViews } from './topics/topic-views';

/** The write side: a handler per subject and topic command (see SUBJECT_COMMAND_HANDLERS), and the history query. */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: CommandExecutor,
      useFactory: (store: EventStore, config: AppConfig) =>
        new CommandExecutor(store, { cachedStreams: config.caches.streamCacheSize }),
      inject: [EVENT_STORE, APP_CONFIG],
    },
    {
      provide: SubjectCodec,
      useFactory: (crypto: SubjectCrypto) => new SubjectCodec(crypto),
      inject: [SUBJECT_CRYPTO],
    },
    TopicViews,
    { provide: JourneyKeys, useFactory: (config: AppConfig) => JourneyKeys.load(config), inject: [APP_CONFIG] },
    {
      provide: DOUBLE_OPT_IN_TOKENS,
      useFactory: (keys: JourneyKeys) => new DoubleOptInTokens(keys),
      inject: [JourneyKeys],
    },
    { provide: ExportLinkTokens, useFactory: (keys: JourneyKeys) => new ExportLinkTokens(keys), inject: [JourneyKeys] },
    SubjectCommandRunner,
    TopicCommandRunner,
    RegisterSubjectHandler,
    AddContactPointHandler,
    RectifyContactPointHandler,
    RemoveContactPointHandler,
    RectifyProfileHandler,
    LinkExternalIdHandler,
    UnlinkExternalIdHandler,
    GrantConsentHandler,
    RevokeConsentHandler,
    RaiseObjectionHandler,
    RequestDoubleOptInHandler,
    ConfirmDoubleOptInHandler,
    ExpireDoubleOptInHandler,
    SetContactBlockHandler,
    LiftContactBlockHandler,
    DefineTopicHandler,
    PublishConsentTextVersionHandler,
    RetireTopicHandler,
    GetSubjectHistoryHandler,
  ],
  exports: [
    CqrsModule,
    CommandExecutor,
    SubjectCodec,
    SubjectCommandRunner,
    TopicViews,
    JourneyKeys,
    DOUBLE_OPT_IN_TOKENS,
    ExportLinkTokens,
  ],
})
export class LedgerModule implements OnModuleInit {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly eventBus: EventBus,
  ) {}

  onModuleInit(): void {
    this.executor.onAppended((result) => this.eventBus.publish(new EventsAppended(result)));
  }
}
