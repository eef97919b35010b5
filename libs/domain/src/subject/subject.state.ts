import type { Channel } from '../shared/channel';
import type { BlockReference, BlockScope } from './block.events';
import type { ConsentEvidence, ConsentScope, ObjectionScope } from './consent.events';
import type { Profile } from './profile.events';
import type { ErasedSubject, PrivacyState } from './privacy.state';

export type ContactPoint =
  | { status: 'active'; contactPointId: string; channel: Channel; address: string }
  /** Kept so that the id is never reused for another address. */
  | { status: 'removed'; contactPointId: string; channel: Channel };

export type ConsentGrant = {
  evidence: ConsentEvidence;
  topicMaterialVersion: number;
  grantedAt: string;
  expiresAt?: string;
};

/**
 * The recorded state of one consent (topic, channel[, contact point]). `never-asked` is the absence
 * of a record; `reconsent-required` and a lapsed expiry are derived by `effectiveConsentStatus`.
 */
export type ConsentRecord =
  | { status: 'pending-double-opt-in'; scope: ConsentScope; requestId: string; expiresAt: string }
  | { status: 'granted'; scope: ConsentScope; grant: ConsentGrant }
  | { status: 'revoked'; scope: ConsentScope; grant: ConsentGrant; revokedAt: string }
  /** A double opt-in that lapsed before anything was granted. */
  | { status: 'expired'; scope: ConsentScope; requestId: string; expiredAt: string };

type DoubleOptInBase = {
  requestId: string;
  scope: Required<ConsentScope>;
  tokenHash: string;
  textVersion: number;
  sourceSystem: string;
  formId?: string;
  expiresAt: string;
};

export type DoubleOptInRequest =
  | (DoubleOptInBase & { status: 'pending' })
  | (DoubleOptInBase & { status: 'confirmed'; confirmedAt: string })
  | (DoubleOptInBase & { status: 'expired'; expiredAt: string });

export type Objection = { scope: ObjectionScope; raisedAt: string };

type BlockBase = { blockId: string; scope: BlockScope; reason: string; reference: BlockReference; setAt: string };

export type ContactBlock = (BlockBase & { status: 'active' }) | (BlockBase & { status: 'lifted'; liftedAt: string });

export type RegisteredSubject = {
  status: 'registered';
  subjectId: string;
  locale: string;
  contactPoints: Record<string, ContactPoint>;
  profile: Profile;
  /** By `consentKey(scope)`. */
  consents: Record<string, ConsentRecord>;
  doubleOptIns: Record<string, DoubleOptInRequest>;
  /** By `objectionKey(scope)`. */
  objections: Record<string, Objection>;
  blocks: Record<string, ContactBlock>;
} & PrivacyState;

/** A union on status so that later states (e.g. erased) are one more member, not a flag. */
export type SubjectState = { status: 'not_registered' } | RegisteredSubject | ErasedSubject;

export const initialSubjectState = (): SubjectState => ({ status: 'not_registered' });

export function consentKey({ topicId, channel, contactPointId }: ConsentScope): string {
  return contactPointId === undefined ? `${topicId}/${channel}` : `${topicId}/${channel}/${contactPointId}`;
}

export function objectionKey(scope: ObjectionScope): string {
  switch (scope.kind) {
    case 'direct_marketing':
      return 'direct_marketing';
    case 'topic':
      return `topic/${scope.topicId}`;
    case 'channel':
      return `channel/${scope.channel}`;
    case 'profiling':
      return scope.topicId === undefined ? 'profiling' : `profiling/${scope.topicId}`;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}
