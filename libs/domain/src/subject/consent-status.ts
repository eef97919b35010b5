import { hasPassed } from '../shared/time';
import type { TopicView } from '../topic/topic.view';
import type { ConsentRecord } from './subject.state';

export type ConsentStatus =
  | 'never-asked'
  | 'pending-double-opt-in'
  | 'granted'
  | 'revoked'
  | 'expired'
  | 'reconsent-required';

/**
 * The status of one consent as of `now`. A material text version does not write to millions of
 * subject streams: a grant given under a text older than the topic's current material version is
 * derived as `reconsent-required` (the "Informieren" right), and lapsed expiries as `expired`.
 */
export function effectiveConsentStatus(
  record: ConsentRecord | undefined,
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
