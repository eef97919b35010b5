import { hasPassed } from '../shared/time';
import type { TopicEvent } from '../topic/topic.events';
import type { TopicView } from '../topic/topic.view';
import { effectiveConsentStatus } from './consent-status';
import { governingHold } from './legal-hold.evolve';
import { consentKey, type ConsentRecord, type RegisteredSubject, type SubjectState } from './subject.state';

export type RetentionTopic = Pick<TopicView, 'id' | 'retentionDays' | 'currentMaterialVersion'>;

/**
 * Whether a topic event can change a RetentionTopic, and so any subject's verdict: a definition
 * (its retention period) or a material text version (consents become reconsent-required). A
 * retirement or an editorial version changes neither field.
 */
export function changesRetention(event: TopicEvent): boolean {
  switch (event.type) {
    case 'TopicDefined':
      return true;
    case 'ConsentTextVersionPublished':
      return event.data.change === 'material';
    case 'TopicRetired':
      return false;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Whether every purpose has lapsed, and why (or why not). Reasons name topics, channels, ids and dates only. */
export type RetentionVerdict = { lapsed: boolean; reasons: string[] };

const DAY_MS = 86_400_000;

/**
 * Art. 5(1)(e), 17(1)(a), (b): a subject's data goes once every purpose it was kept for has ended
 * longer ago than that topic's retention period, no legal hold applies and no request is open.
 * A subject with no recorded purpose is kept: there is no retention period to measure by, so
 * deleting it is a decision for a person, not for the scheduler.
 */
export function retentionVerdict(
  state: SubjectState,
  topics: ReadonlyMap<string, RetentionTopic>,
  now: string,
): RetentionVerdict {
  if (state.status !== 'registered')
    return { lapsed: false, reasons: [`the subject is ${state.status.replace('_', ' ')}`] };
  const blockers = [...holdBlockers(state, now), ...requestBlockers(state)];
  const records = Object.values(state.consents);
  if (records.length === 0) blockers.push('no purpose (consent) is recorded, so no retention period applies');
  const purposes = records.map((record) => purposeVerdict(record, topics.get(record.scope.topicId), now));
  blockers.push(...purposes.filter((p) => !p.lapsed).map((p) => p.reason));
  if (blockers.length > 0) return { lapsed: false, reasons: blockers };
  return { lapsed: true, reasons: purposes.map((p) => p.reason) };
}

function holdBlockers(state: RegisteredSubject, now: string): string[] {
  const hold = governingHold(state, now);
  return hold === undefined ? [] : [`legal hold ${hold.holdId} applies until ${hold.until}`];
}

function requestBlockers(state: RegisteredSubject): string[] {
  return Object.values(state.requests)
    .filter((request) => request.status === 'open')
    .map((request) => `${request.kind} request ${request.requestId} is open`);
}

function purposeVerdict(
  record: ConsentRecord,
  topic: RetentionTopic | undefined,
  now: string,
): { lapsed: boolean; reason: string } {
  const key = consentKey(record.scope);
  if (topic === undefined) return { lapsed: false, reason: `${key}: topic ${record.scope.topicId} is unknown` };
  const ended = endedAt(record, topic, now);
  if (ended === undefined) return { lapsed: false, reason: `${key}: consent is still in force` };
  const until = new Date(Date.parse(ended) + topic.retentionDays * DAY_MS).toISOString();
  const lapsed = hasPassed(until, now);
  const verb = lapsed ? 'ended' : 'ends';
  return {
    lapsed,
    reason: `${key}: consent ended ${ended}; retention of ${topic.retentionDays} days ${verb} ${until}`,
  };
}

/** When the consent stopped being a purpose; undefined while it is (or may still become) in force. */
function endedAt(record: ConsentRecord, topic: RetentionTopic, now: string): string | undefined {
  const status = effectiveConsentStatus(record, topic, now);
  switch (record.status) {
    case 'revoked':
      return record.revokedAt;
    case 'expired':
      return record.expiredAt;
    case 'granted':
      return status === 'expired' ? record.grant.expiresAt : undefined;
    case 'pending-double-opt-in':
      return status === 'expired' ? record.expiresAt : undefined;
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}

/**
 * The earliest instant after `now` at which retentionVerdict, or the end of a legal hold that
 * defers an erasure, can change for this state without a new event: a hold's end, a grant's or a
 * double opt-in's expiry, and the end of each purpose's retention period. Undefined when nothing
 * in the state waits on the clock (a consent in force without expiry, an erased subject): only a
 * new event can change the verdict then. Lets the scheduler judge a subject again only when due.
 */
export function nextRetentionReview(
  state: SubjectState,
  topics: ReadonlyMap<string, RetentionTopic>,
  now: string,
): string | undefined {
  if (state.status !== 'registered') return undefined;
  const times: string[] = [];
  for (const hold of Object.values(state.legalHolds)) if (hold.status === 'placed') times.push(hold.until);
  for (const record of Object.values(state.consents)) {
    const retentionDays = topics.get(record.scope.topicId)?.retentionDays ?? 0;
    const ends = endsOf(record);
    times.push(...ends, ...ends.map((end) => new Date(Date.parse(end) + retentionDays * DAY_MS).toISOString()));
  }
  const nowMs = Date.parse(now);
  const future = times.map((time) => Date.parse(time)).filter((ms) => ms > nowMs);
  return future.length === 0 ? undefined : new Date(Math.min(...future)).toISOString();
}

/** When a consent stopped, or will stop by the clock alone, being a purpose. */
function endsOf(record: ConsentRecord): string[] {
  switch (record.status) {
    case 'revoked':
      return [record.revokedAt];
    case 'expired':
      return [record.expiredAt];
    case 'granted':
      return record.grant.expiresAt === undefined ? [] : [record.grant.expiresAt];
    case 'pending-double-opt-in':
      return [record.expiresAt];
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}
