import type { Type } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { TopicCommand } from '#domain';
import { DefineTopicHandler, PublishConsentTextVersionHandler, RetireTopicHandler } from './topic.commands';

/** Which handler sends each topic command to the decider; a new domain command does not compile until it has one. */
export const TOPIC_COMMAND_HANDLERS = {
  DefineTopic: DefineTopicHandler,
  PublishConsentTextVersion: PublishConsentTextVersionHandler,
  RetireTopic: RetireTopicHandler,
} as const satisfies { readonly [Name in TopicCommand['type']]: Type<ICommandHandler> };
