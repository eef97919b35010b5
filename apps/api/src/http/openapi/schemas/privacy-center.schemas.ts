import { flag, integer, list, object, oneOfValues, text, texts, time, type Schema } from './schema-helpers';

const consent = object(
  { channel: text, status: text },
  { contactPointId: text, since: time, method: text },
  'Status as in the API (never-asked is absent)',
);

const topic = object({
  topicId: text,
  title: text,
  purpose: text,
  legalBasis: text,
  profiling: flag,
  channels: texts,
  text: {
    ...object({ version: integer, language: text, text: text }),
    nullable: true,
    description: 'The exact wording of the current version; null while none is published',
  },
  consents: list(consent),
});

/** The Privacy Center: its entry and the person's own page. */
export const PRIVACY_CENTER_SCHEMAS = {
  PrivacyCenterLink: object({
    url: {
      ...text,
      description: '`<PUBLIC_BASE_URL>/privacy-center/#link=<token>`: the token never reaches a server log',
    },
    expiresAt: time,
  }),
  SignInAccepted: object({ status: oneOfValues(['sent'], 'The same for every address, known or not') }),
  PrivacyCenterSession: object({
    csrfToken: { ...text, description: 'Send as X-CSRF-Token with every change' },
    expiresAt: time,
    locale: text,
  }),
  PrivacyCenterOverview: object({
    locale: text,
    expiresAt: time,
    contactPoints: list(object({ contactPointId: text, channel: text, masked: text })),
    topics: list(topic),
    objections: list(object({ kind: text, raisedAt: time }, { topicId: text, channel: text })),
    blocks: list(object({ blockId: text, kind: text, setAt: time }, { channel: text, topicId: text })),
    requests: list(object({ requestId: text, kind: text, status: text, receivedAt: time, dueAt: time })),
  }),
  SelfServiceOutcome: object(
    {
      outcome: oneOfValues(['granted', 'double-opt-in-sent', 'revoked', 'objected', 'blocked', 'requested']),
    },
    { message: text, requestId: text, dueAt: time },
  ),
} satisfies Record<string, Schema>;
