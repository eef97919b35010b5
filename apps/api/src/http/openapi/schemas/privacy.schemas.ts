import { anything, flag, mapOf, object, oneOfValues, text, time, type Schema } from './schema-helpers';

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
    { personalData: mapOf(anything), consents: { type: 'array', items: mapOf(anything) } },
    'Art. 15 / Art. 20: everything held about the subject, machine-readable',
  ),
} satisfies Record<string, Schema>;
