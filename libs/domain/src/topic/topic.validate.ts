import { requireChannel } from '../shared/channel';
import { refuse } from '../shared/error-codes';
import { oneOf, requireText } from '../shared/text';
import type { DefineTopic } from './topic.commands';
import { validDeclarations } from './topic.declarations';
import { LEGAL_BASES, type TopicDefinition } from './topic.events';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function requireTopicId(value: unknown): string {
  if (typeof value !== 'string' || !SLUG.test(value) || value.length > 64) {
    refuse('TOPIC.ID_INVALID', 'topicId must be a lower-case slug such as "newsletter"', 'topicId');
  }
  return value;
}

export function validDefinition({ data, metadata }: DefineTopic): TopicDefinition {
  const allowedChannels = data.allowedChannels;
  if (!Array.isArray(allowedChannels) || allowedChannels.length === 0) {
    refuse('TOPIC.CHANNELS_REQUIRED', 'a topic needs at least one allowed channel', 'allowedChannels');
  }
  allowedChannels.forEach((channel) => requireChannel(channel, metadata.channels, 'allowedChannels'));
  if (!oneOf(data.legalBasis, LEGAL_BASES)) {
    refuse('TOPIC.LEGAL_BASIS_UNKNOWN', `legalBasis must be one of ${LEGAL_BASES.join(', ')}`, 'legalBasis');
  }
  if (!Number.isInteger(data.retentionDays) || data.retentionDays <= 0) {
    refuse('TOPIC.RETENTION_INVALID', 'retentionDays must be a positive whole number', 'retentionDays');
  }
  return {
    topicId: requireTopicId(data.topicId),
    title: requireText(data.title, 'TOPIC.TITLE_REQUIRED', 'title', 200),
    // Art. 5(1)(b): a purpose is specified before anything is collected for it.
    description: requireText(data.description, 'TOPIC.DESCRIPTION_REQUIRED', 'description', 5_000),
    allowedChannels: [...new Set(allowedChannels)],
    legalBasis: data.legalBasis,
    personalFields: validFieldNames(data.personalFields),
    retentionDays: data.retentionDays,
    ...validDeclarations(data),
  };
}

function validFieldNames(fields: unknown): string[] {
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string' && FIELD_NAME.test(field))) {
    refuse('TOPIC.PERSONAL_FIELD_INVALID', 'personalFields must be a list of field names', 'personalFields');
  }
  return [...new Set(fields as string[])];
}
