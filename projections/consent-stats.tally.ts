import { effectiveConsentStatus, type Channel, type ConsentStatus } from '#domain';
import { decideContactability } from './contactability';
import type { SubjectProfileDocument } from './subject-profile.document';
import { summaryRecords } from './subject-profile.keys';
import type { TopicReadView } from './topics';

/** One topic and channel: distinct people with an address on the channel, by what applies to them now. */
export type CellTally = {
  /** People with an active address on the channel: every other figure of the cell counts among them. */
  reachable: number;
  /** May be contacted now (the same decision as a single contactability check). */
  contactable: number;
  /** Consent topics only (Art. 6(1)(a)); contract and legitimate-interest topics ask nobody. */
  statuses: Record<ConsentStatus, number>;
  /** Denied by a contact block (any degree) or an Art. 21 objection. */
  blocked: number;
  /** Denied by an Art. 21 objection: for legitimate-interest topics, the people who said no. */
  objected: number;
};

/** Distinct people, each counted once whatever number of topics and channels they touch. */
export type PeopleFigures = {
  /** Registered and not erased. */
  people: number;
  /** With at least one active contact point. */
  reachable: number;
  /** May be contacted now about at least one topic on at least one channel. */
  contactable: number;
  /** With a consent in force for at least one topic and channel. */
  granted: number;
  /** With a double opt-in awaiting confirmation. */
  pendingDoubleOptIn: number;
  /** Reachable, yet never asked for consent about anything. */
  neverAsked: number;
  /** With at least one withdrawn consent. */
  revoked: number;
  /** With at least one active contact block (Werbesperre). */
  blocked: number;
  /** With at least one Art. 21 objection. */
  objected: number;
  /** Erased (Art. 17): in no other figure. */
  erased: number;
};

export type Cell = { topic: TopicReadView; channel: Channel };

const emptyStatuses = (): Record<ConsentStatus, number> => ({
  'never-asked': 0,
  'pending-double-opt-in': 0,
  granted: 0,
  revoked: 0,
  expired: 0,
  'reconsent-required': 0,
});

export const emptyCell = (): CellTally => ({
  reachable: 0,
  contactable: 0,
  statuses: emptyStatuses(),
  blocked: 0,
  objected: 0,
});

export const emptyPeople = (): PeopleFigures => ({
  people: 0,
  reachable: 0,
  contactable: 0,
  granted: 0,
  pendingDoubleOptIn: 0,
  neverAsked: 0,
  revoked: 0,
  blocked: 0,
  objected: 0,
  erased: 0,
});

/** Adds one subject to the tallies: every cell it can be reached on, and once to each people figure. */
export function tallySubject(
  doc: SubjectProfileDocument,
  cells: readonly Cell[],
  tallies: CellTally[],
  people: PeopleFigures,
  now: string,
): void {
  if (doc.erased) return void (people.erased += 1);
  const channels = new Set(doc.contactPoints.flatMap((p) => (p.status === 'active' ? [p.channel] : [])));
  const seen = new Set<ConsentStatus | 'contactable'>();
  cells.forEach((cell, i) => {
    if (!channels.has(cell.channel)) return;
    const outcome = tallyCell(doc, cell, tallies[i]!, now);
    // A retired topic's cells stay in the table, but nobody is counted as reachable through it.
    if (cell.topic.status !== 'active') return;
    if (outcome.allowed) seen.add('contactable');
    if (outcome.status) seen.add(outcome.status);
  });
  people.people += 1;
  if (channels.size > 0) people.reachable += 1;
  if (seen.has('contactable')) people.contactable += 1;
  if (seen.has('granted')) people.granted += 1;
  if (seen.has('pending-double-opt-in')) people.pendingDoubleOptIn += 1;
  if (seen.has('revoked')) people.revoked += 1;
  if (channels.size > 0 && doc.consents.length === 0) people.neverAsked += 1;
  if (doc.blocks.length > 0) people.blocked += 1;
  if (doc.objections.length > 0) people.objected += 1;
}

function tallyCell(
  doc: SubjectProfileDocument,
  { topic, channel }: Cell,
  tally: CellTally,
  now: string,
): { allowed: boolean; status?: ConsentStatus } {
  const decision = decideContactability(doc, topic, channel, undefined, now);
  const codes = decision.reasons.map((r) => r.code);
  tally.reachable += 1;
  if (decision.allowed) tally.contactable += 1;
  if (codes.some((code) => code.startsWith('BLOCK.') || code.startsWith('OBJECTION.'))) tally.blocked += 1;
  if (codes.some((code) => code.startsWith('OBJECTION.'))) tally.objected += 1;
  // Art. 6(1)(b), (f): contract and legitimate-interest topics need no consent, so nobody is "never asked".
  if (topic.legalBasis !== 'consent') return { allowed: decision.allowed };
  const record = summaryRecords(doc.consents).find((c) => c.scope.topicId === topic.id && c.scope.channel === channel);
  const status = effectiveConsentStatus(record, topic, now);
  tally.statuses[status] += 1;
  return { allowed: decision.allowed, status };
}
