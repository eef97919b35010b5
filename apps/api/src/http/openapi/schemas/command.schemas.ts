import { commandAnd, list, object, text, time, uuid, type Schema } from './schema-helpers';

/** Every command answers where its events landed (pass `position` as X-Min-Position to read your writes). */
export const COMMAND_SCHEMAS = {
  CommandResponse: object(
    {
      stream: { type: 'string', example: 'subject-6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b' },
      revision: { type: 'integer', description: 'Stream revision after the command', example: 3 },
      position: { type: 'integer', description: 'Global position of the last event appended', example: 1042 },
      events: list(object({ id: uuid, type: text }), 'The events appended; empty when nothing changed'),
      replayed: { type: 'boolean', description: 'True when an Idempotency-Key matched: nothing was appended' },
    },
    {},
    'Where the command’s events landed',
  ),
  SubjectRegistered: commandAnd({ subjectId: uuid }),
  ContactPointAdded: commandAnd({ contactPointId: text }),
  VersionPublished: commandAnd({
    version: {
      type: 'integer',
      minimum: 1,
      description: 'The text version: new, or the current one when its text was published already',
    },
  }),
  BlockSet: commandAnd({ blockId: uuid }),
  LegalHoldPlaced: commandAnd({ holdId: uuid }),
  RequestReceived: commandAnd({ requestId: uuid, dueAt: time }),
  DoubleOptInConfirmed: commandAnd({ subjectId: uuid }),
  ExportDeliveryIssued: commandAnd(
    {},
    {
      deliveryId: uuid,
      expiresAt: { ...time, description: 'Until when the mailed link works; absent when nothing new was recorded' },
    },
  ),
  DoubleOptInIssued: commandAnd(
    {},
    {
      requestId: uuid,
      expiresAt: time,
      token: {
        type: 'string',
        description:
          'Single-use; shown once, only its hash is stored. Absent when an Idempotency-Key replayed the request',
      },
    },
  ),
  ErasureOutcome: commandAnd(
    {
      outcome: {
        type: 'string',
        enum: ['erased', 'unchanged', 'deferred'],
        description: 'deferred (202): a legal hold applies until `until`',
      },
    },
    { holdId: uuid, reason: { description: 'The hold’s reason' }, until: time },
  ),
} satisfies Record<string, Schema>;
