import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { CommandExecutor } from './commands/command-executor';
import { EventsAppended } from './commands/events-appended.event';
import { APP_CONFIG, EVENT_STORE, SUBJECT_CRYPTO } from './infrastructure/tokens';
import type { AppConfig } from './config/app-config';
import { DOUBLE_OPT_IN_TOKENS, DoubleOptInTokens } from './journeys/double-opt-in-token';
import { JourneyKeys } from './journeys/journey-keys';
import { ConfirmDoubleOptInHandler, RequestDoubleOptInHandler } from './subjects/double-opt-in.commands';
import { ExecuteSubjectCommandHandler } from './subjects/execute-subject-command';
import { SubjectCodec } from './subjects/subject-codec';
import { GetSubjectHistoryHandler } from './subjects/subject-history.query';
import { ExecuteTopicCommandHandler } from './topics/execute-topic-command';
import { TopicViews } from './topics/topic-views';

/** The write side: command handlers over the event store, and the history query. */
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: CommandExecutor, useFactory: (store: EventStore) => new CommandExecutor(store), inject: [EVENT_STORE] },
    { provide: SubjectCodec, useFactory: (crypto: SubjectCrypto) => new SubjectCodec(crypto), inject: [SUBJECT_CRYPTO] },
    TopicViews,
    { provide: JourneyKeys, useFactory: (config: AppConfig) => JourneyKeys.load(config), inject: [APP_CONFIG] },
    { provide: DOUBLE_OPT_IN_TOKENS, useFactory: (keys: JourneyKeys) => new DoubleOptInTokens(keys), inject: [JourneyKeys] },
    ExecuteSubjectCommandHandler,
    ExecuteTopicCommandHandler,
    RequestDoubleOptInHandler,
    ConfirmDoubleOptInHandler,
    GetSubjectHistoryHandler,
  ],
  exports: [CqrsModule, CommandExecutor, SubjectCodec, TopicViews, JourneyKeys, DOUBLE_OPT_IN_TOKENS],
})
export class LedgerModule implements OnModuleInit {
  constructor(private readonly executor: CommandExecutor, private readonly eventBus: EventBus) {}

  onModuleInit(): void {
    this.executor.onAppended((result) => this.eventBus.publish(new EventsAppended(result)));
  }
}
