import {
  anything,
  flag,
  hash,
  integer,
  list,
  mapOf,
  object,
  oneOfValues,
  ref,
  text,
  texts,
  time,
  type Schema,
} from './schema-helpers';

const decision = {
  allowed: flag,
  reasons: list(
    object({ code: text, eventIds: texts }),
    'Why not (or on what): the codes with the events they rest on',
  ),
  contactPointIds: list(text, 'The addresses that may be used'),
  profilingAllowed: {
    type: 'boolean',
    description: 'Art. 21(2): whether the person may be profiled for this topic (false on an objection to profiling)',
  },
  profilingReasons: list(
    object({ code: text, eventIds: texts }),
    'Why not: the reasons of the contact, TOPIC.NO_PROFILING, OBJECTION.PROFILING',
  ),
};

/** Art. 22, 15(1)(h): present only on a topic that involves an automated decision. */
const automatedDecision = object(
  { logic: text, consequences: text },
  {},
  'Art. 22: the automated decision, its logic and envisaged consequences (Art. 15(1)(h))',
);

/** Topics, contactability, audiences, Mission Control's figures and the processing register. */
export const READ_SCHEMAS = {
  Topic: object(
    {
      id: text,
      title: text,
      description: { type: 'string', description: 'The purpose, in words (Art. 13(1)(c))' },
      allowedChannels: texts,
      legalBasis: oneOfValues(['consent', 'contract', 'legitimate_interest']),
      personalFields: texts,
      retentionDays: integer,
      profiling: { type: 'boolean', description: 'Art. 21(2): profiling for direct marketing' },
      offeredToChildren: { type: 'boolean', description: 'Art. 8(1): offered directly to a child' },
      status: oneOfValues(['active', 'retired']),
      currentVersion: { type: 'integer', description: '0 while no text has been published' },
      currentMaterialVersion: integer,
      versions: list(object({ version: integer, textHash: hash, language: text, change: text, publishedAt: time })),
    },
    { automatedDecision: automatedDecision },
  ),
  Contactability: object({ subjectId: text, topicId: text, channel: text, legalBasis: text, ...decision }),
  ContactabilityBatch: object({
    results: list(object({ subjectId: text, topicId: text, channel: text, ...decision }, { contactPointId: text })),
  }),
  Audience: object(
    {
      topicId: text,
      channel: text,
      legalBasis: text,
      items: list(object({ subjectId: text, contactPointIds: texts, profilingAllowed: flag })),
    },
    { next: { type: 'string', description: 'Pass as `after` for the next page; absent on the last page' } },
  ),
  ConsentFigures: object({
    topicId: text,
    title: text,
    legalBasis: text,
    topicStatus: text,
    channel: text,
    neverAsked: integer,
    pendingDoubleOptIn: integer,
    granted: integer,
    revoked: integer,
    expired: integer,
    reconsentRequired: integer,
    blocked: integer,
  }),
  MissionControlFigures: object({
    position: integer,
    computedAt: time,
    consents: list(ref('ConsentFigures')),
    openRequests: list(
      object({
        dueDate: text,
        overdue: flag,
        requests: list(object({ requestId: text, subjectId: text, kind: text, dueAt: time })),
      }),
    ),
  }),
  ProcessingRegister: object(
    {
      controller: mapOf(anything),
      generatedAt: time,
      position: integer,
      activities: list(
        object(
          { topicId: text, name: text, purpose: text, status: text, legalBasis: mapOf(anything) },
          {},
          'Art. 30(1) record of one processing activity',
        ),
      ),
    },
    {},
    'Art. 30 record of processing activities, one activity per topic',
  ),
} satisfies Record<string, Schema>;
