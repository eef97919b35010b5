import type { Command } from '../shared/message';
import type { ActEvidenceInput } from './act-evidence';
import type { ConsentEvidence, ObjectionScope } from './consent.events';
import type { SubjectContext, TopicContext } from './subject.context';

/** As it arrives: `affirmativeAction` may be false here, so that a pre-ticked box can be refused. */
export type EvidenceInput = Omit<
  ConsentEvidence,
  'textHash' | 'affirmativeAction' | 'doubleOptInRequestId' | 'globalPrivacyControl'
> & {
  affirmativeAction: boolean;
  globalPrivacyControl?: boolean;
};

export type GrantConsent = Command<
  'GrantConsent',
  { topicId: string; channel: string; contactPointId?: string; expiresAt?: string; evidence: EvidenceInput },
  TopicContext
>;

/** Without a channel, every channel of the topic; without a contact point, every contact point. */
export type RevokeConsent = Command<
  'RevokeConsent',
  { topicId: string; channel?: string; contactPointId?: string; reason?: string; evidence?: ActEvidenceInput },
  SubjectContext
>;

/** As it arrives: the decider checks that the field its kind names is there. */
export type ObjectionScopeInput = { kind: ObjectionScope['kind']; topicId?: string; channel?: string };

/** A topic-scoped objection needs the topic's view on the metadata. */
export type RaiseObjection = Command<
  'RaiseObjection',
  { scope: ObjectionScopeInput; reason?: string; evidence?: ActEvidenceInput },
  TopicContext
>;

export type ConsentCommand = GrantConsent | RevokeConsent | RaiseObjection;
