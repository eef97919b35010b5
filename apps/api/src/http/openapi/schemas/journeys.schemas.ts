import { anything, integer, list, mapOf, object, text, texts, time, type Schema } from './schema-helpers';

/** Webhooks, their dead letters and unsubscribe links. */
export const JOURNEY_SCHEMAS = {
  Webhook: object({ id: text, url: text, filter: object({}, { topics: texts, channels: texts, types: texts }), createdAt: time, createdBy: text }),
  DeadLetter: object({ webhookId: text, event: mapOf(anything), attempts: integer, lastError: text, deadLetteredAt: time }),
  ReplayOutcome: object({ replayed: integer, delivered: integer, failed: integer }),
  UnsubscribeLink: object({
    url: text,
    expiresAt: { ...time, nullable: true, description: 'null: the link does not expire (Art. 21(2): an objection is possible at any time)' },
    headers: object({ 'List-Unsubscribe': text, 'List-Unsubscribe-Post': { type: 'string', enum: ['List-Unsubscribe=One-Click'] } }, {}, 'For the mail’s header (RFC 2369, RFC 8058)'),
  }),
  UnsubscribeOutcome: object({ subjectId: text, topicId: text, channel: text, recorded: list(text, 'The events recorded; empty on a second use'), position: integer }),
} satisfies Record<string, Schema>;
