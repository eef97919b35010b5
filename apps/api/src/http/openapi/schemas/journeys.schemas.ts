import { anything, integer, list, mapOf, object, ref, text, texts, time, uuid, type Schema } from './schema-helpers';

const secret: Schema = {
  type: 'string',
  pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
  description: 'Standard Webhooks secret (whsec_ + base64); shown in this answer only',
};

/** Webhooks, their dead letters and unsubscribe links. */
export const JOURNEY_SCHEMAS = {
  Webhook: object({
    id: text,
    url: text,
    filter: object({}, { topics: texts, channels: texts, types: texts }),
    createdAt: time,
    createdBy: text,
  }),
  RegisteredWebhook: {
    allOf: [ref('Webhook'), object({}, { secret })],
    description: 'The registration; `secret` only when the server generated it (none was sent)',
  },
  RotatedSecret: object({
    id: uuid,
    secret,
    previousSecretValidUntil: {
      ...time,
      nullable: true,
      description: 'Until when deliveries also carry the old secret’s signature; null without an overlap',
    },
  }),
  DeadLetter: object({
    webhookId: text,
    event: mapOf(anything),
    attempts: integer,
    lastError: text,
    deadLetteredAt: time,
  }),
  ReplayOutcome: object({ replayed: integer, delivered: integer, failed: integer }),
  UnsubscribeLink: object({
    url: text,
    expiresAt: {
      ...time,
      nullable: true,
      description: 'null: the link does not expire (Art. 21(2): an objection is possible at any time)',
    },
    headers: object(
      { 'List-Unsubscribe': text, 'List-Unsubscribe-Post': { type: 'string', enum: ['List-Unsubscribe=One-Click'] } },
      {},
      'For the mail’s header (RFC 2369, RFC 8058)',
    ),
  }),
  UnsubscribeOutcome: object({
    subjectId: text,
    topicId: text,
    channel: text,
    recorded: list(text, 'The events recorded; empty on a second use'),
    position: integer,
  }),
} satisfies Record<string, Schema>;
