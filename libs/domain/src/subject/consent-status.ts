import { hasPassed } from '../shared/time';
import type { TopicView } from '../topic/topic.view';
import type { ConsentEvidence } from './consent.events';
import type { ConsentRecord } from './subject.state';

export type ConsentStatus =
  | 'never-asked'
  | 'pending-double-opt-in'
  | 'granted'
  | 'revoked'
  | 'expired'
  | 'reconsent-required';

/**
 * What the effective status rests on: a ConsentRecord, or the compact copy of one that the
 * contactability row keeps (no evidence beyond the text version, nothing personal).
 */
export type ConsentStatusFacts =
  | { status: 'pending-double-opt-in'; expiresAt: string }
  | { status: 'granted'; grant: GrantFacts }
  | { status: 'revoked' }
  | { status: 'expired' };

export type GrantFacts = { evidence: Pick<ConsentEvidence, 'textVersion'>; expiresAt?: string };

/**
 * The status of one consent as of `now`. A material text version does not write to millions of
 * subject streams: a grant given under a text older than the topic's current material version is
 * derived as `reconsent-required` (the "Informieren" right), and lapsed expiries as `expired`.
 */
export function effectiveConsentStatus(
  record: ConsentRecord | ConsentStatusFacts | undefined,
  topic: Pick<TopicView, 'currentMaterialVersion'>,
  now: string,
): ConsentStatus {
  if (record === undefined) return 'never-asked';
  switch (record.status) {
    case 'pending-double-opt-in':
      return hasPassed(record.expiresAt, now) ? 'expired' : 'pending-double-opt-in';
    case 'granted':
      if (record.grant.expiresAt !== undefined && hasPassed(record.grant.expiresAt, now)) return 'expired';
      return record.grant.evidence.textVersion < topic.currentMaterialVersion ? 'reconsent-required' : 'granted';
    case 'revoked':
      return 'revoked';
    case 'expired':
      return 'expired';
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}
