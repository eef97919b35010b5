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

/** A personal value as a role may see it: clear text, erased, or redacted (Art. 5(1)(c), 25). */
const revealed: Schema = {
  description: 'Clear text for crm, dpo and admin; {erased:true} after erasure; {redacted:true} for auditors',
  oneOf: [
    text,
    object({ erased: { type: 'boolean', enum: [true] } }),
    object({ redacted: { type: 'boolean', enum: [true] } }),
  ],
};

const scope = object({ kind: text }, { channel: text, topicId: text, contactPointId: text });

/** The subject's view for the CRM and the journeys, and the entries of its history and timeline. */
export const SUBJECT_SCHEMAS = {
  Revealed: revealed,
  ConsentCell: object(
    { topicId: text, channel: text, status: text, recordedStatus: text },
    {
      contactPointId: text,
      textVersion: integer,
      method: text,
      grantedAt: time,
      revokedAt: time,
      expiresAt: time,
      evidence: mapOf(anything),
      eventId: text,
    },
    'One cell of the consent matrix: the status in effect now beside the one recorded',
  ),
  ContactPoint: object(
    { contactPointId: text, channel: text, status: text },
    { address: ref('Revealed'), eventId: text },
  ),
  ExternalIdLink: object(
    { system: text, id: ref('Revealed') },
    { eventId: text },
    'An identity link: the subject’s id in another system (one per system)',
  ),
  Block: object(
    { blockId: text, scope },
    { reason: ref('Revealed'), setAt: time, reference: mapOf(anything), eventId: text },
  ),
  Objection: object({ scope }, { reason: ref('Revealed'), raisedAt: time, eventId: text }),
  PictureCell: object(
    {
      topicId: text,
      title: text,
      legalBasis: text,
      channel: text,
      consent: oneOfValues(
        ['never-asked', 'pending-double-opt-in', 'granted', 'revoked', 'expired', 'reconsent-required', 'not-required'],
        'The consent in effect now; `not-required` where the legal basis is not consent',
      ),
      allowed: flag,
      reasons: { ...texts, description: 'Every contactability reason code that denies contact now' },
    },
    {
      givenAt: { ...time, description: 'Art. 7(1): when consent was given (the evidence’s capturedAt)' },
      textVersion: integer,
      text: { type: 'string', description: 'The consent text of that version' },
    },
    'One topic on one channel: may the subject be contacted now, and why not',
  ),
  LegalHold: object(
    { holdId: text, until: time, placedAt: time, eventId: text },
    { reason: ref('Revealed') },
    'Art. 17(3): a hold in place',
  ),
  SubjectProfile: object(
    {
      subjectId: text,
      erased: flag,
      consents: list(ref('ConsentCell')),
      objections: list(ref('Objection')),
      blocks: list(ref('Block')),
      position: integer,
    },
    {
      picture: list(ref('PictureCell'), 'Every active topic on each of its channels (not for journeys)'),
      legalHolds: list(ref('LegalHold')),
      erasureDeferral: object(
        { holdId: text, until: time, deferredAt: time, eventId: text },
        {},
        'An erasure deferred by a hold that still applies (Art. 17(3))',
      ),
      registeredAt: time,
      updatedAt: time,
      locale: text,
      contactPoints: list(ref('ContactPoint')),
      profile: mapOf(ref('Revealed')),
      externalIds: list(ref('ExternalIdLink')),
      doubleOptIns: list(mapOf(anything)),
      childConsent: object(
        {
          ageOfDigitalConsent: integer,
          belowAgeOfDigitalConsent: { type: 'boolean', nullable: true, description: 'null: the age is unknown' },
        },
        {},
        'Art. 8(1), from dateOfBirth or ageBand and country; for roles that see personal data',
      ),
    },
    'Journey keys see consents, objections and blocks only; personal fields follow the caller’s role',
  ),
  SubjectSummary: object(
    {
      subjectId: text,
      contactPoints: list(ref('ContactPoint')),
      profile: mapOf(ref('Revealed')),
      externalIds: list(ref('ExternalIdLink')),
    },
    { locale: text, registeredAt: time, updatedAt: time },
  ),
  SubjectLookup: object({ items: list(ref('SubjectSummary')) }),
  HistoryEntry: object(
    {
      eventId: text,
      type: text,
      revision: integer,
      position: integer,
      recordedAt: time,
      actor: anything,
      hash,
      prevHash: hash,
      data: mapOf(anything),
    },
    {},
    'One recorded event with its chain hashes; personal fields are left out for auditors',
  ),
  TimelineEntry: object(
    {
      eventId: text,
      type: text,
      revision: integer,
      position: integer,
      recordedAt: time,
      actor: anything,
      hash,
      prevHash: hash,
      description: object({ en: text, de: text }),
    },
    {
      evidence: mapOf(anything, 'Art. 7(1): how, when and where consent was captured; IP and user agent redacted'),
      textVersion: object({ topicId: text, version: integer }, { textHash: hash, language: text, publishedAt: time }),
    },
  ),
  SubjectStateAt: object(
    {
      subjectId: text,
      at: time,
      status: text,
      eventsReplayed: integer,
      consents: list(mapOf(anything)),
      objections: list(object({ scope: anything, raisedAt: time }, { eventId: text })),
      blocks: list(object({ blockId: text, scope: anything, setAt: time }, { eventId: text })),
    },
    {},
    'The subject as the log knew it at `at`',
  ),
} satisfies Record<string, Schema>;
