import { refuse } from '../shared/error-codes';
import { oneOf, optionalText, requireSha256Hex, requireText, sameJson } from '../shared/text';
import type { DefineTopic, PublishConsentTextVersion, RetireTopic, TopicCommand } from './topic.commands';
import { TEXT_CHANGES, type TopicEvent } from './topic.events';
import type { TopicState } from './topic.state';
import { LANGUAGE_TAG, requireTopicId, validDefinition } from './topic.validate';

export function decideTopic(command: TopicCommand, state: TopicState): TopicEvent[] {
  switch (command.type) {
    case 'DefineTopic':
      return defineTopic(command, state);
    case 'PublishConsentTextVersion':
      return publishConsentTextVersion(command, state);
    case 'RetireTopic':
      return retireTopic(command, state);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function defineTopic(command: DefineTopic, state: TopicState): TopicEvent[] {
  const definition = validDefinition(command);
  if (state.status === 'not_defined') {
    return [{ type: 'TopicDefined', data: { ...definition, definedAt: command.metadata.now } }];
  }
  // A retried definition is no change; a different one must not silently replace the purpose.
  if (state.status === 'active' && sameJson(state.definition, definition)) return [];
  return refuse('TOPIC.ALREADY_DEFINED', `topic ${definition.topicId} is already defined`, 'topicId');
}

function publishConsentTextVersion(command: PublishConsentTextVersion, state: TopicState): TopicEvent[] {
  const { data, metadata } = command;
  const topicId = requireTopicId(data.topicId);
  const text = requireText(data.text, 'TOPIC.TEXT_REQUIRED', 'text', 100_000);
  const textHash = requireSha256Hex(data.textHash, 'TOPIC.TEXT_HASH_INVALID', 'textHash');
  if (typeof data.language !== 'string' || !LANGUAGE_TAG.test(data.language)) {
    refuse('TOPIC.LANGUAGE_INVALID', 'language must be a language tag such as "de" or "en-GB"', 'language');
  }
  if (!oneOf(data.change, TEXT_CHANGES))
    refuse('TOPIC.CHANGE_UNKNOWN', 'change must be material or editorial', 'change');
  if (state.status === 'not_defined') refuse('TOPIC.NOT_FOUND', `topic ${topicId} is not defined`);
  if (state.status === 'retired') refuse('TOPIC.RETIRED', `topic ${topicId} is retired`);
  const latest = state.versions.at(-1);
  // Publishing the text that is already current (a retry) records nothing.
  if (latest?.textHash === textHash && latest.language === data.language) return [];
  const version = (latest?.version ?? 0) + 1;
  const { language, change } = data;
  return [
    {
      type: 'ConsentTextVersionPublished',
      data: { topicId, version, text, textHash, language, change, publishedAt: metadata.now },
    },
  ];
}

function retireTopic(command: RetireTopic, state: TopicState): TopicEvent[] {
  const topicId = requireTopicId(command.data.topicId);
  const reason = optionalText(command.data.reason, 'TOPIC.REASON_INVALID', 'reason', 2_000);
  if (state.status === 'not_defined') refuse('TOPIC.NOT_FOUND', `topic ${topicId} is not defined`);
  if (state.status === 'retired') return [];
  return [
    {
      type: 'TopicRetired',
      data: { topicId, ...(reason === undefined ? {} : { reason }), retiredAt: command.metadata.now },
    },
  ];
}
