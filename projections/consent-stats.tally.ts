import { effectiveConsentStatus, hasPassed, type Channel, type ConsentStatus } from '#domain';
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

const STATUSES: readonly ConsentStatus[] = [
  'never-asked',
  'pending-double-opt-in',
  'granted',
  'revoked',
  'expired',
  'reconsent-required',
];

const PEOPLE_FLAGS = [
  'people',
  'reachable',
  'contactable',
  'granted',
  'pendingDoubleOptIn',
  'neverAsked',
  'revoked',
  'blocked',
  'objected',
  'erased',
] as const satisfies ReadonlyArray<keyof PeopleFigures>;

const emptyStatuses = (): Record<ConsentStatus, number> =>
  Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ConsentStatus, number>;

export const emptyCell = (): CellTally => ({
  reachable: 0,
  contactable: 0,
  statuses: emptyStatuses(),
  blocked: 0,
  objected: 0,
});

export const emptyPeople = (): PeopleFigures =>
  Object.fromEntries(PEOPLE_FLAGS.map((name) => [name, 0])) as PeopleFigures;

/** Per cell: reachable, contactable, blocked, objected; the consent status (1-based) above them. */
const CELL = { reachable: 1, contactable: 2, blocked: 4, objected: 8, statusShift: 4 } as const;
const flag = (name: (typeof PEOPLE_FLAGS)[number]): number => 1 << PEOPLE_FLAGS.indexOf(name);

/**
 * What one subject adds to the figures, as a short string: its people flags, then one code per
 * cell. Adding it with `addShare(+1)` and taking it back with `addShare(-1)` lets the figures follow
 * a changed profile without a pass over the others; equal shares can be stored once.
 */
export function subjectShare(doc: SubjectProfileDocument, cells: readonly Cell[], now: string): string {
  if (doc.erased) return String.fromCharCode(flag('erased'));
  const channels = new Set(doc.contactPoints.flatMap((p) => (p.status === 'active' ? [p.channel] : [])));
  const seen = new Set<ConsentStatus | 'contactable'>();
  const codes = cells.map((cell) => {
    if (!channels.has(cell.channel)) return 0;
    const outcome = cellCode(doc, cell, now);
    // A retired topic's cells stay in the table, but nobody is counted as reachable through it.
    if (cell.topic.status !== 'active') return outcome.code;
    if (outcome.allowed) seen.add('contactable');
    if (outcome.status) seen.add(outcome.status);
    return outcome.code;
  });
  const reachable = channels.size > 0;
  const bits = [
    flag('people'),
    reachable ? flag('reachable') : 0,
    seen.has('contactable') ? flag('contactable') : 0,
    seen.has('granted') ? flag('granted') : 0,
    seen.has('pending-double-opt-in') ? flag('pendingDoubleOptIn') : 0,
    seen.has('revoked') ? flag('revoked') : 0,
    reachable && doc.consents.length === 0 ? flag('neverAsked') : 0,
    doc.blocks.length > 0 ? flag('blocked') : 0,
    doc.objections.length > 0 ? flag('objected') : 0,
  ];
  return String.fromCharCode(
    bits.reduce((a, b) => a | b, 0),
    ...codes,
  );
}

/** Adds (`sign` 1) or takes back (-1) one subject's share. */
export function addShare(share: string, tallies: CellTally[], people: PeopleFigures, sign: 1 | -1): void {
  const bits = share.charCodeAt(0);
  PEOPLE_FLAGS.forEach((name, i) => {
    if (bits & (1 << i)) people[name] += sign;
  });
  tallies.forEach((tally, i) => {
    const code = share.charCodeAt(i + 1);
    if (!(code > 0)) return;
    tally.reachable += sign;
    if (code & CELL.contactable) tally.contactable += sign;
    if (code & CELL.blocked) tally.blocked += sign;
    if (code & CELL.objected) tally.objected += sign;
    const status = STATUSES[(code >> CELL.statusShift) - 1];
    if (status) tally.statuses[status] += sign;
  });
}

function cellCode(
  doc: SubjectProfileDocument,
  { topic, channel }: Cell,
  now: string,
): { code: number; allowed: boolean; status?: ConsentStatus } {
  const decision = decideContactability(doc, topic, channel, undefined, now);
  const codes = decision.reasons.map((r) => r.code);
  const objected = codes.some((code) => code.startsWith('OBJECTION.'));
  const blocked = objected || codes.some((code) => code.startsWith('BLOCK.'));
  let code = CELL.reachable | (decision.allowed ? CELL.contactable : 0);
  code |= (blocked ? CELL.blocked : 0) | (objected ? CELL.objected : 0);
  // Art. 6(1)(b), (f): contract and legitimate-interest topics need no consent, so nobody is "never asked".
  if (topic.legalBasis !== 'consent') return { code, allowed: decision.allowed };
  const record = summaryRecords(doc.consents).find((c) => c.scope.topicId === topic.id && c.scope.channel === channel);
  const status = effectiveConsentStatus(record, topic, now);
  code |= (STATUSES.indexOf(status) + 1) << CELL.statusShift;
  return { code, allowed: decision.allowed, status };
}

/**
 * The first moment after `now` at which the clock alone changes what this subject adds: a double
 * opt-in or a grant that expires (the only time-bound parts of a contactability decision).
 */
export function nextExpiry(doc: SubjectProfileDocument, now: string): string | undefined {
  if (doc.erased) return undefined;
  const moments = doc.consents.flatMap((c) => {
    const at =
      c.status === 'pending-double-opt-in' ? c.expiresAt : c.status === 'granted' ? c.grant.expiresAt : undefined;
    return at !== undefined && !hasPassed(at, now) ? [at] : [];
  });
  return moments.reduce<string | undefined>(
    (first, at) => (first === undefined || Date.parse(at) < Date.parse(first) ? at : first),
    undefined,
  );
}
