import { anything, flag, list, mapOf, object, oneOfValues, text, texts, time, type Schema } from './schema-helpers';

/** Data-subject requests and the Art. 15 / 20 export. */
export const PRIVACY_SCHEMAS = {
  DsrRequest: object(
    {
      requestId: text,
      subjectId: text,
      kind: text,
      channel: text,
      receivedAt: time,
      initialDueAt: time,
      dueAt: time,
      status: oneOfValues(
        ['open', 'overdue', 'fulfilled', 'rejected', 'closed'],
        '`overdue`: open and past `dueAt` (in the request queue)',
      ),
      open: flag,
    },
    {
      extendedUntil: time,
      closedAt: time,
      reference: text,
      subject: object(
        { erased: flag },
        {
          name: text,
          address: { type: 'string', description: 'Masked: first letter and domain, or last four digits' },
        },
        'crm, dpo and admin only: who the request is from',
      ),
    },
    'A data-subject request and its Art. 12(3) deadline',
  ),
  SubjectExport: object(
    { format: text, subjectId: text, status: text, exportedAt: time },
    {
      contents: mapOf(text, 'Where each item of Art. 15(1) and Art. 20 stands in this document'),
      personalData: mapOf(anything),
      sources: list(
        object({ field: text, recordedBy: text, recordedAt: text, event: text }, { sourceSystem: anything }),
        'Art. 15(1)(g): where each personal field and contact point came from',
      ),
      consents: { type: 'array', items: mapOf(anything) },
      purposes: list(
        object(
          { topicId: text, legalBasis: text },
          { categoriesOfPersonalData: texts, recipients: list(mapOf(anything)), retention: mapOf(anything) },
        ),
        'Art. 15(1)(a)-(d) per purpose',
      ),
      automatedDecisions: object({ applies: flag }, {}, 'Art. 15(1)(h)'),
      rights: mapOf(anything, 'Art. 15(1)(e), (f): the rights and the supervisory authority'),
      portability: object({ article: text, sections: texts }, {}, 'Art. 20: the portable part'),
    },
    'Art. 15 / Art. 20: everything held about the subject, machine-readable',
  ),
} satisfies Record<string, Schema>;
