import type { Channel } from '../shared/channel';
import type { Event } from '../shared/message';
import type { ActEvidence } from './act-evidence';
import type { EvidenceMethod } from './evidence-method';

/** What a consent is for: a topic on a channel, optionally narrowed to one contact point. */
export type ConsentScope = { topicId: string; channel: Channel; contactPointId?: string };

/** Art. 7(1): what the controller needs to demonstrate the consent: how, when, where, to which text. */
export type ConsentEvidence = {
  method: EvidenceMethod;
  capturedAt: string;
  sourceSystem: string;
  formId?: string;
  textVersion: number;
  /** Copied from the topic's version, so the grant proves the exact wording on its own. */
  textHash: string;
  ipAddress?: string;
  userAgent?: string;
  /** Art. 4(11), Recital 32: an unambiguous affirmative act; never a pre-ticked box. */
  affirmativeAction: true;
  /** Set when the grant came from confirming a double opt-in request. */
  doubleOptInRequestId?: string;
  /** The browser sent Global Privacy Control (`Sec-GPC: 1`) with the act. */
  globalPrivacyControl?: true;
};

export type ConsentGranted = Event<
  'ConsentGranted',
  ConsentScope & {
    subjectId: string;
    evidence: ConsentEvidence;
    /** The topic's material version when granted: later material versions call for consent again. */
    topicMaterialVersion: number;
    expiresAt?: string;
    grantedAt: string;
  }
>;

/** Art. 7(3): no reason is required; one may be noted when the subject volunteers it. */
export type ConsentRevoked = Event<
  'ConsentRevoked',
  ConsentScope & { subjectId: string; reason?: string; revokedAt: string; evidence?: ActEvidence }
>;

/**
 * Art. 21(2)-(3): an objection to direct marketing, to one topic, or to one channel; or to
 * profiling alone (Art. 21(2) "including profiling"), everywhere or for one topic: the person is
 * still contacted, unpersonalised.
 */
export type ObjectionScope =
  | { kind: 'direct_marketing' }
  | { kind: 'topic'; topicId: string }
  | { kind: 'channel'; channel: Channel }
  | { kind: 'profiling'; topicId?: string };

export const OBJECTION_KINDS = [
  'direct_marketing',
  'topic',
  'channel',
  'profiling',
] as const satisfies readonly ObjectionScope['kind'][];

export type ObjectionRaised = Event<
  'ObjectionRaised',
  { subjectId: string; scope: ObjectionScope; reason?: string; raisedAt: string; evidence?: ActEvidence }
>;

export type ConsentEvent = ConsentGranted | ConsentRevoked | ObjectionRaised;
