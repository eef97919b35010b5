import type { ReadStore } from '#read-store';
import {
  addShare,
  emptyCell,
  emptyPeople,
  subjectShare,
  type Cell,
  type CellTally,
  type PeopleFigures,
} from './consent-stats.tally';
import type { SubjectProfileDocument } from './subject-profile.document';
import { SUBJECT_PROFILES } from './subject-profile';
import { listTopics, type TopicReadView } from './topics';

/**
 * Mission Control: per topic and channel, distinct people with an address on the channel. The
 * consent states (consent topics only) are one per person, so they add up to `reachable`; blocks
 * and objections overlap them.
 */
export type ConsentFigures = {
  topicId: string;
  title: string;
  legalBasis: TopicReadView['legalBasis'];
  topicStatus: TopicReadView['status'];
  channel: string;
  reachable: number;
  contactable: number;
  /** Consent topics: people with a consent in force per reachable person (0..1); null otherwise or without people. */
  optInRate: number | null;
  neverAsked: number;
  pendingDoubleOptIn: number;
  granted: number;
  revoked: number;
  expired: number;
  reconsentRequired: number;
  blocked: number;
  objected: number;
};

export type ConsentOverview = { people: PeopleFigures; consents: ConsentFigures[] };

/** Every topic's allowed channels: the cells of the figures, in the order the topics are listed. */
export function cellsOf(topics: readonly TopicReadView[]): Cell[] {
  return topics.flatMap((topic) => topic.allowedChannels.map((channel) => ({ topic, channel })));
}

/**
 * One pass over the subject profiles, each decided per topic and channel by the same function as a
 * contactability check, so the figures count people and agree with every single answer. What
 * changes with time alone (expiries, a material text version) is evaluated at `now`. The served
 * figures follow the changes instead (consent-stats.incremental.ts); this pass is their reference.
 */
export async function consentOverview(store: ReadStore, now: string): Promise<ConsentOverview> {
  const cells = cellsOf(await listTopics(store));
  const tallies = cells.map(emptyCell);
  const people = emptyPeople();
  await forEachProfile(store, (doc) => addShare(subjectShare(doc, cells, now), tallies, people, 1));
  return overviewOf(cells, tallies, people);
}

export function overviewOf(
  cells: readonly Cell[],
  tallies: readonly CellTally[],
  people: PeopleFigures,
): ConsentOverview {
  return { people: { ...people }, consents: cells.map((cell, i) => figuresOf(cell, tallies[i]!)) };
}

function figuresOf({ topic, channel }: Cell, tally: CellTally): ConsentFigures {
  const { statuses } = tally;
  const consentBased = topic.legalBasis === 'consent';
  return {
    topicId: topic.id,
    title: topic.title,
    legalBasis: topic.legalBasis,
    topicStatus: topic.status,
    channel,
    reachable: tally.reachable,
    contactable: tally.contactable,
    optInRate: consentBased && tally.reachable > 0 ? statuses.granted / tally.reachable : null,
    neverAsked: statuses['never-asked'],
    pendingDoubleOptIn: statuses['pending-double-opt-in'],
    granted: statuses.granted,
    revoked: statuses.revoked,
    expired: statuses.expired,
    reconsentRequired: statuses['reconsent-required'],
    blocked: tally.blocked,
    objected: tally.objected,
  };
}

async function forEachProfile(store: ReadStore, visit: (doc: SubjectProfileDocument) => void): Promise<void> {
  let after: string | undefined;
  do {
    const page = await store.find<SubjectProfileDocument>(SUBJECT_PROFILES, {}, { after, limit: 1000 });
    page.items.forEach((item) => visit(item.doc));
    after = page.next;
  } while (after !== undefined);
}
