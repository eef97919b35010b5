import type { BlockReference, BlockScope, Channel, ConsentRecord, ObjectionScope } from '#domain';

/** A contact point as stored: the address stays ciphertext, decrypted only at the API edge (Art. 25). */
export type ProfileContactPoint =
  | { status: 'active'; contactPointId: string; channel: Channel; address: string; lookupKey?: string; eventId: string }
  /** Kept without its address so a check naming the id can say "removed" and prove when. */
  | { status: 'removed'; contactPointId: string; channel: Channel; eventId: string };

/** An identity link (system -> id); the id stays ciphertext, `lookupKey` is its blind index. */
export type ProfileExternalId = { system: string; id: string; lookupKey?: string; eventId: string };

/** One cell of the consent matrix: the recorded state plus the events that prove it (Art. 7(1)). */
export type ProfileConsent = ConsentRecord & {
  /** The event that put the consent into its recorded state. */
  eventId: string;
  /** The grant a revocation ended, so both acts stay provable from the read model. */
  grantEventId?: string;
};

export type ProfileObjection = {
  key: string;
  scope: ObjectionScope;
  raisedAt: string;
  reason?: string;
  eventId: string;
};

/** Only active blocks: a lifted block no longer denies anything and stays in the history. */
export type ProfileBlock = {
  blockId: string;
  scope: BlockScope;
  /** Ciphertext; dropped on erasure. */
  reason?: string;
  reference: BlockReference;
  setAt: string;
  eventId: string;
};

export type OpenDoubleOptIn = {
  requestId: string;
  topicId: string;
  channel: Channel;
  contactPointId: string;
  textVersion: number;
  expiresAt: string;
  requestedAt: string;
  eventId: string;
};

/** Art. 17(3): a legal hold in place (released ones leave the profile and stay in the history). */
export type ProfileLegalHold = {
  holdId: string;
  /** Ciphertext; dropped on erasure. */
  reason?: string;
  until: string;
  placedAt: string;
  eventId: string;
};

/** The last erasure a legal hold deferred: shown while that hold still applies. */
export type ProfileErasureDeferral = { holdId: string; until: string; deferredAt: string; eventId: string };

/**
 * The subject profile document (collection `subject_profiles`, id = subject id). The `*Keys`
 * arrays and `channels` are derived from the rest on every change and exist for the indexes.
 */
export type SubjectProfileDocument = {
  subjectId: string;
  locale: string;
  registeredAt: string;
  updatedAt: string;
  /** Set once the subject is erased (Art. 17); personal ciphertext is gone from the document then. */
  erased?: true;
  erasedEventId?: string;
  contactPoints: ProfileContactPoint[];
  /** Field name -> ciphertext. */
  profile: Record<string, string>;
  /** At most one per system, in the order first linked. */
  externalIds: ProfileExternalId[];
  consents: ProfileConsent[];
  objections: ProfileObjection[];
  blocks: ProfileBlock[];
  doubleOptIns: OpenDoubleOptIn[];
  legalHolds: ProfileLegalHold[];
  erasureDeferral?: ProfileErasureDeferral;
} & DerivedKeys;

/** The document without its derived index keys: what the apply functions work on. */
export type ProfileBase = Omit<SubjectProfileDocument, keyof DerivedKeys>;

export type DerivedKeys = {
  /** Blind indexes of the active contact points (`email:<hex>`) and external ids (`externalId:<hex>`). */
  lookupKeys: string[];
  /** Channels with an active contact point. */
  channels: string[];
  /** `topic:channel` of every granted consent: audience candidates of consent topics. */
  consentKeys: string[];
};
