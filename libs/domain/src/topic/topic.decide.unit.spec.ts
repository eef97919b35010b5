import { deciderSpec } from '#testing';
import { topicDecider } from './topic.decider';
import {
  HASH_1,
  HASH_2,
  NOW,
  defineTopic,
  definition,
  publish,
  topicDefined,
  topicRetired,
  versionPublished,
} from './topic.fixtures';

const spec = deciderSpec(topicDecider);

describe('DefineTopic', () => {
  it('records the definition with the time it was decided at', () => {
    spec
      .given([])
      .when(defineTopic())
      .then([{ type: 'TopicDefined', data: { ...definition, definedAt: NOW } }]);
  });

  it('refuses a second, different definition of the same topic', () => {
    spec
      .given([topicDefined()])
      .when(defineTopic({ title: 'Other' }))
      .thenThrows('TOPIC.ALREADY_DEFINED', { kind: 'conflict' });
  });

  it('refuses a channel outside the configured list', () => {
    spec
      .given([])
      .when(defineTopic({ allowedChannels: ['pigeon'] }))
      .thenThrows('CHANNEL.UNKNOWN', { kind: 'invalid', field: 'allowedChannels' });
  });

  it.each([
    ['TOPIC.ID_INVALID', 'topicId', { topicId: 'News Letter' }],
    ['TOPIC.TITLE_REQUIRED', 'title', { title: ' ' }],
    ['TOPIC.DESCRIPTION_REQUIRED', 'description', { description: '' }],
    ['TOPIC.CHANNELS_REQUIRED', 'allowedChannels', { allowedChannels: [] }],
    ['TOPIC.LEGAL_BASIS_UNKNOWN', 'legalBasis', { legalBasis: 'whim' as never }],
    ['TOPIC.RETENTION_INVALID', 'retentionDays', { retentionDays: 0 }],
    ['TOPIC.PERSONAL_FIELD_INVALID', 'personalFields', { personalFields: ['first name'] }],
    ['TOPIC.DPV_PURPOSE_INVALID', 'dpvPurposes', { dpvPurposes: ['https://example.com/dpv#Marketing'] }],
    ['TOPIC.DPV_PURPOSE_INVALID', 'dpvPurposes', { dpvPurposes: ['https://w3id.org/dpv#'] }],
    ['TOPIC.DPV_PURPOSE_INVALID', 'dpvPurposes', { dpvPurposes: [] }],
    ['TOPIC.DPV_PURPOSE_INVALID', 'dpvPurposes', { dpvPurposes: 'https://w3id.org/dpv#Marketing' as never }],
  ])('refuses an invalid definition: %s on %s', (code, field, data) => {
    spec.given([]).when(defineTopic(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('records the DPV purposes a topic declares, once each', () => {
    const dpvPurposes = ['https://w3id.org/dpv#DirectMarketing', 'https://w3id.org/dpv#DirectMarketing'];
    spec
      .given([])
      .when(defineTopic({ dpvPurposes }))
      .then([
        {
          type: 'TopicDefined',
          data: { ...definition, dpvPurposes: ['https://w3id.org/dpv#DirectMarketing'], definedAt: NOW },
        },
      ]);
  });

  it('accepts a channel that configuration added', () => {
    const command = {
      ...defineTopic({ allowedChannels: ['letterbox'] }),
      metadata: { now: NOW, channels: ['letterbox'] },
    };
    spec
      .given([])
      .when(command)
      .then([{ type: 'TopicDefined', data: { ...definition, allowedChannels: ['letterbox'], definedAt: NOW } }]);
  });

  it('defining the same topic again records nothing', () => {
    spec.given([topicDefined()]).when(defineTopic()).thenNothing();
  });
});

describe('PublishConsentTextVersion', () => {
  it('numbers the first version 1 and the next last + 1', () => {
    spec
      .given([topicDefined(), versionPublished(1)])
      .when(publish({ textHash: HASH_2, change: 'editorial' }))
      .then([
        {
          type: 'ConsentTextVersionPublished',
          data: {
            topicId: 'newsletter',
            version: 2,
            text: 'Ja, ich will den Newsletter.',
            textHash: HASH_2,
            language: 'de',
            change: 'editorial',
            publishedAt: NOW,
          },
        },
      ]);
  });

  it('refuses a text for a topic that was never defined', () => {
    spec.given([]).when(publish()).thenThrows('TOPIC.NOT_FOUND', { kind: 'not_found' });
  });

  it('refuses a text for a retired topic', () => {
    spec.given([topicDefined(), topicRetired()]).when(publish()).thenThrows('TOPIC.RETIRED', { kind: 'conflict' });
  });

  it.each([
    ['TOPIC.TEXT_REQUIRED', 'text', { text: '' }],
    ['TOPIC.TEXT_HASH_INVALID', 'textHash', { textHash: 'ABC' }],
    ['TOPIC.LANGUAGE_INVALID', 'language', { language: 'German' }],
    ['TOPIC.CHANGE_UNKNOWN', 'change', { change: 'cosmetic' as never }],
  ])('refuses an invalid text version: %s on %s', (code, field, data) => {
    spec.given([topicDefined()]).when(publish(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('publishing the current text again records nothing', () => {
    spec
      .given([topicDefined(), versionPublished(1, 'material', HASH_1)])
      .when(publish({ textHash: HASH_1 }))
      .thenNothing();
  });
});

describe('RetireTopic', () => {
  const retire = {
    type: 'RetireTopic' as const,
    data: { topicId: 'newsletter', reason: 'campaign ended' },
    metadata: { now: NOW },
  };

  it('records the retirement', () => {
    spec
      .given([topicDefined()])
      .when(retire)
      .then([{ type: 'TopicRetired', data: { topicId: 'newsletter', reason: 'campaign ended', retiredAt: NOW } }]);
  });

  it('refuses to retire a topic that was never defined', () => {
    spec.given([]).when(retire).thenThrows('TOPIC.NOT_FOUND', { kind: 'not_found' });
  });

  it('retiring twice records nothing', () => {
    spec.given([topicDefined(), topicRetired()]).when(retire).thenNothing();
  });
});
