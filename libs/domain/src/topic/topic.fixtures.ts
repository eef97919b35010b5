import { DEFAULT_CHANNELS } from '../shared/channel';
import type { ConsentTextVersionPublished, TopicDefined, TopicRetired } from './topic.events';
import type { DefineTopic, PublishConsentTextVersion } from './topic.commands';

/** Shared test data for topic specs (never imported by production code). */
export const NOW = '2025-03-01T10:00:00.000Z';
export const HASH_1 = 'a'.repeat(64);
export const HASH_2 = 'b'.repeat(64);
export const HASH_3 = 'c'.repeat(64);

export const definition = {
  topicId: 'newsletter',
  title: 'Newsletter',
  description: 'Monthly product news by e-mail',
  allowedChannels: ['email', 'sms'],
  legalBasis: 'consent' as const,
  personalFields: ['email', 'firstName'],
  retentionDays: 730,
};

export const defineTopic = (data: Partial<DefineTopic['data']> = {}): DefineTopic => ({
  type: 'DefineTopic',
  data: { ...definition, ...data },
  metadata: { now: NOW, channels: DEFAULT_CHANNELS },
});

export const publish = (data: Partial<PublishConsentTextVersion['data']> = {}): PublishConsentTextVersion => ({
  type: 'PublishConsentTextVersion',
  data: {
    topicId: 'newsletter',
    text: 'Ja, ich will den Newsletter.',
    textHash: HASH_1,
    language: 'de',
    change: 'material',
    ...data,
  },
  metadata: { now: NOW },
});

export const topicDefined = (data: Partial<TopicDefined['data']> = {}): TopicDefined => ({
  type: 'TopicDefined',
  data: { ...definition, definedAt: NOW, ...data },
});

export const versionPublished = (
  version: number,
  change: 'material' | 'editorial' = 'material',
  textHash = HASH_1,
): ConsentTextVersionPublished => ({
  type: 'ConsentTextVersionPublished',
  data: { topicId: 'newsletter', version, text: `Text ${version}`, textHash, language: 'de', change, publishedAt: NOW },
});

export const topicRetired = (): TopicRetired => ({
  type: 'TopicRetired',
  data: { topicId: 'newsletter', retiredAt: NOW },
});
