import { effectiveConsentStatus, type ConsentStatus } from '#domain';
import type { EqualityFilter, ReadStore } from '#read-store';
import type { SubjectProfileDocument } from './subject-profile.document';
import { SUBJECT_PROFILES } from './subject-profile';
import { keyOf, summaryRecords } from './subject-profile.keys';
import { listTopics, type TopicReadView } from './topics';

/** Mission Control: per topic and channel, subjects by consent status (one status per subject). */
export type ConsentFigures = {
  topicId: string;
  title: string;
  legalBasis: TopicReadView['legalBasis'];
  topicStatus: TopicReadView['status'];
  channel: string;
  /** Subjects with an address on the channel who were never asked about the topic there. */
  neverAsked: number;
  pendingDoubleOptIn: number;
  granted: number;
  revoked: number;
  expired: number;
  reconsentRequired: number;
  /** Subjects blocked for the topic and channel (global, channel or topic block, or an Art. 21 objection). */
  blocked: number;
};

type StatusCounts = Record<ConsentStatus, number>;
const count = (store: ReadStore, filter: EqualityFilter) => store.count(SUBJECT_PROFILES, filter);

/**
 * Exact under replay and cheap: indexed counts over keys the profile derives from its own events.
 * What changes with time alone (a material text version makes grants `reconsent-required`; a
 * pending opt-in or a grant with an expiry lapses) is applied here at `now`, never stored.
 */
export async function consentFigures(store: ReadStore, now: string): Promise<ConsentFigures[]> {
  const topics = await listTopics(store);
  const blockedEverywhere = await count(store, { blockKeys: 'all' });
  const cells = topics.flatMap((topic) => topic.allowedChannels.map((channel) => ({ topic, channel })));
  return Promise.all(cells.map(({ topic, channel }) => figuresFor(store, topic, channel, now, blockedEverywhere)));
}

async function figuresFor(
  store: ReadStore,
  topic: TopicReadView,
  channel: string,
  now: string,
  blockedEverywhere: number,
): Promise<ConsentFigures> {
  const key = (...parts: Array<string | number>) => keyOf(topic.id, channel, ...parts);
  const [reachable, asked, statuses, blocked] = await Promise.all([
    count(store, { channels: channel }),
    count(store, { askedKeys: keyOf(topic.id, channel) }),
    statusCounts(store, topic, channel, now, key),
    blockedCount(store, topic.id, channel, blockedEverywhere),
  ]);
  return {
    topicId: topic.id,
    title: topic.title,
    legalBasis: topic.legalBasis,
    topicStatus: topic.status,
    channel,
    neverAsked: Math.max(0, reachable - asked),
    pendingDoubleOptIn: statuses['pending-double-opt-in'],
    granted: statuses.granted,
    revoked: statuses.revoked,
    expired: statuses.expired,
    reconsentRequired: statuses['reconsent-required'],
    blocked,
  };
}

type Key = (...parts: Array<string | number>) => string;

async function statusCounts(
  store: ReadStore,
  topic: TopicReadView,
  channel: string,
  now: string,
  key: Key,
): Promise<StatusCounts> {
  const counts: StatusCounts = {
    'never-asked': 0,
    'pending-double-opt-in': 0,
    granted: 0,
    revoked: 0,
    expired: 0,
    'reconsent-required': 0,
  };
  const byVersion = await Promise.all(
    topic.versions.map(async ({ version }) => ({
      version,
      n: await count(store, { statusKeys: key('granted', `v${version}`) }),
    })),
  );
  for (const { version, n } of byVersion) {
    counts[version < topic.currentMaterialVersion ? 'reconsent-required' : 'granted'] += n;
  }
  counts.revoked = await count(store, { statusKeys: key('revoked') });
  counts.expired = await count(store, { statusKeys: key('expired') });
  for (const timeBound of [key('pending'), key('granted-expiring')]) {
    await forEachDocument(store, { statusKeys: timeBound }, (doc) => {
      const record = summaryRecords(doc.consents).find(
        (c) => c.scope.topicId === topic.id && c.scope.channel === channel,
      );
      counts[effectiveConsentStatus(record, topic, now)] += 1;
    });
  }
  return counts;
}

/** Inclusion-exclusion over the profile's block keys (see subject-profile.keys). */
async function blockedCount(
  store: ReadStore,
  topicId: string,
  channel: string,
  blockedEverywhere: number,
): Promise<number> {
  const [byChannel, byTopic, both] = await Promise.all([
    count(store, { blockKeys: keyOf('channel', channel) }),
    count(store, { blockKeys: keyOf('topic', topicId) }),
    count(store, { blockKeys: keyOf('topic', topicId, 'channel', channel) }),
  ]);
  return blockedEverywhere + byChannel + byTopic - both;
}

async function forEachDocument(
  store: ReadStore,
  filter: EqualityFilter,
  visit: (doc: SubjectProfileDocument) => void,
): Promise<void> {
  let after: string | undefined;
  do {
    const page = await store.find<SubjectProfileDocument>(SUBJECT_PROFILES, filter, { after, limit: 1000 });
    page.items.forEach((item) => visit(item.doc));
    after = page.next;
  } while (after !== undefined);
}
