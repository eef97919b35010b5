/**
 * Names the api sends as codes: channels (config, DEFAULT_CHANNELS), request channels, evidence
 * methods, legal bases, field names and the contactability reasons (projections/contactability.reasons.ts).
 * A channel or field the table does not know is shown as sent (channels are configurable).
 */
export const termsEn = {
  channel: {
    email: 'E-mail',
    sms: 'SMS',
    phone: 'Phone',
    post: 'Post',
    whatsapp: 'WhatsApp',
    push: 'Push notification',
    web: 'Web form',
    in_person: 'In person',
    other: 'Other',
  },
  method: {
    checkbox: 'Checkbox',
    double_opt_in: 'Double opt-in',
    paper: 'Paper',
    verbal: 'Verbal',
    import: 'Import',
  },
  legalBasis: {
    consent: 'consent (Art. 6(1)(a))',
    contract: 'contract (Art. 6(1)(b))',
    legitimate_interest: 'legitimate interest (Art. 6(1)(f))',
  },
  field: {
    firstName: 'First name',
    lastName: 'Last name',
    name: 'Name',
    salutation: 'Salutation',
    title: 'Title',
    company: 'Company',
    birthDate: 'Date of birth',
    street: 'Street',
    postalCode: 'Postcode',
    city: 'City',
    country: 'Country',
    address: 'Address',
    channel: 'Channel',
    topicId: 'Topic',
    reason: 'Reason',
    reference: 'Reference',
    requestId: 'Request id',
    scope: 'Scope',
    evidence: 'Evidence',
    method: 'Method',
    locale: 'Language',
    id: 'Id',
  },
  reason: {
    'SUBJECT.UNKNOWN': 'Subject not known',
    'SUBJECT.ERASED': 'Subject erased (Art. 17)',
    'TOPIC.UNKNOWN': 'Topic not known',
    'TOPIC.RETIRED': 'Topic retired',
    'TOPIC.CHANNEL_NOT_ALLOWED': 'Topic not offered on this channel',
    'BLOCK.GLOBAL': 'Contact block on all channels',
    'BLOCK.CHANNEL': 'Contact block on this channel',
    'BLOCK.CONTACT_POINT': 'Contact block on this address',
    'BLOCK.TOPIC': 'Contact block for this topic',
    'OBJECTION.DIRECT_MARKETING': 'Objection to all direct marketing (Art. 21(3))',
    'OBJECTION.TOPIC': 'Objection to this topic (Art. 21)',
    'OBJECTION.CHANNEL': 'Objection to this channel (Art. 21)',
    'CONSENT.NEVER_ASKED': 'Never asked for consent',
    'CONSENT.REVOKED': 'Consent revoked (Art. 7(3))',
    'CONSENT.EXPIRED': 'Consent expired',
    'CONSENT.RECONSENT_REQUIRED': 'Consent text changed: consent must be given again',
    'CONSENT.DOUBLE_OPT_IN_PENDING': 'Double opt-in not yet confirmed',
    'CONTACT_POINT.UNKNOWN': 'Address not known',
    'CONTACT_POINT.REMOVED': 'Address removed',
    'CONTACT_POINT.CHANNEL_MISMATCH': 'Address belongs to another channel',
    'CONTACT_POINT.NONE_ON_CHANNEL': 'No address on this channel',
    'OBJECTION.PROFILING': 'Objection to profiling (Art. 21(2))',
    'TOPIC.NO_PROFILING': 'The topic involves no profiling',
  },
} satisfies Terms;

export interface Terms {
  channel: Readonly<Record<string, string>>;
  method: Readonly<Record<string, string>>;
  legalBasis: Readonly<Record<string, string>>;
  field: Readonly<Record<string, string>>;
  reason: Readonly<Record<string, string>>;
}
