import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { subjectStreamName, topicStreamName } from '#domain';
import { SqliteReadStore, type CheckpointMark, type DocumentWrite, type JsonObject, type ReadStore } from '#read-store';
import { consentOverview } from './consent-stats';
import { IncrementalConsentOverview, type TallyLineage } from './consent-stats.incremental';
import { projected } from './projection.fixtures';
import type { ProjectedEvent, ReadModel } from './read-model';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import { evidence } from './subject-profile.fixtures';
import { topicsModel } from './topics';

const day = (d: number) => new Date(Date.UTC(2025, 2, d, 10)).toISOString();
const SUBJECTS = ['a', 'b', 'c', 'd'].map((c) => `00000000-0000-4000-8000-00000000000${c}`);
const CHANNELS = ['email', 'sms'] as const;
const TOPICS = ['newsletter', 'offers'] as const;

/** A random history: subject events, a material text change, and the clock moving on. */
type Step =
  | { kind: 'subject'; subject: number; type: string; data: JsonObject }
  | { kind: 'material' }
  | { kind: 'tick'; days: number };

const scope = fc.oneof(
  fc.constant({ kind: 'global' }),
  fc.constantFrom(...CHANNELS).map((channel) => ({ kind: 'channel', channel })),
  fc.constantFrom(...TOPICS).map((topicId) => ({ kind: 'topic', topicId })),
  fc.constant({ kind: 'contact_point', contactPointId: 'cp-email' }),
);
const objectionScope = fc.oneof(
  fc.constant({ kind: 'direct_marketing' }),
  fc.constantFrom(...CHANNELS).map((channel) => ({ kind: 'channel', channel })),
  fc.constantFrom(...TOPICS).map((topicId) => ({ kind: 'topic', topicId })),
);
const expiry = fc.option(fc.integer({ min: 1, max: 20 }).map(day), { nil: undefined });
const event = (type: string, data: fc.Arbitrary<JsonObject>) =>
  fc.record({ subject: fc.nat(SUBJECTS.length - 1), data }).map((e) => ({ kind: 'subject' as const, type, ...e }));

const step: fc.Arbitrary<Step> = fc.oneof(
  event(
    'SubjectRegistered',
    fc.boolean().map((sms) => registration(sms)),
  ),
  event(
    'ContactPointAdded',
    fc.constant({ contactPointId: 'cp-sms', channel: 'sms', address: 'enc:sms', addedAt: day(1) }),
  ),
  event(
    'ContactPointRemoved',
    fc.constantFrom('cp-email', 'cp-sms').map((id) => ({ contactPointId: id, removedAt: day(1) })),
  ),
  event(
    'ConsentGranted',
    fc
      .record({ topicId: fc.constantFrom(...TOPICS), channel: fc.constantFrom(...CHANNELS), expiresAt: expiry })
      .map(({ expiresAt, ...cell }) => ({
        ...cell,
        evidence: evidence(),
        topicMaterialVersion: 1,
        grantedAt: day(1),
        ...(expiresAt ? { expiresAt } : {}),
      })),
  ),
  event(
    'ConsentRevoked',
    fc.record({
      topicId: fc.constantFrom(...TOPICS),
      channel: fc.constantFrom(...CHANNELS),
      revokedAt: fc.constant(day(1)),
    }),
  ),
  event(
    'DoubleOptInRequested',
    fc
      .record({ channel: fc.constantFrom(...CHANNELS), expiresAt: fc.integer({ min: 1, max: 20 }).map(day) })
      .map((d) => ({
        ...d,
        requestId: `doi-${d.channel}`,
        topicId: 'newsletter',
        contactPointId: `cp-${d.channel}`,
        tokenHash: 'f'.repeat(64),
        textVersion: 1,
        sourceSystem: 'shop',
        requestedAt: day(1),
      })),
  ),
  event(
    'DoubleOptInExpired',
    fc.constantFrom(...CHANNELS).map((c) => ({ requestId: `doi-${c}`, expiredAt: day(2) })),
  ),
  event(
    'ContactBlockSet',
    fc
      .record({ blockId: fc.constantFrom('b1', 'b2'), scope })
      .map((b) => ({ ...b, reference: { kind: 'complaint', id: 'c' }, setAt: day(1) })),
  ),
  event(
    'ContactBlockLifted',
    fc.constantFrom('b1', 'b2').map((blockId) => ({ blockId, liftedAt: day(2) })),
  ),
  event(
    'ObjectionRaised',
    objectionScope.map((s) => ({ scope: s, raisedAt: day(1) })),
  ),
  event('SubjectErased', fc.constant({ cause: 'request', erasedAt: day(2) })),
  fc.constant<Step>({ kind: 'material' }),
  fc.integer({ min: 1, max: 4 }).map((days): Step => ({ kind: 'tick', days })),
);

function registration(sms: boolean): JsonObject {
  const points = [{ contactPointId: 'cp-email', channel: 'email', address: 'enc:mail' }];
  if (sms) points.push({ contactPointId: 'cp-sms', channel: 'sms', address: 'enc:sms' });
  return { locale: 'de-DE', contactPoints: points, profile: {}, registeredAt: day(1) };
}

/** The read store as the runners leave it: each event folded and committed with its checkpoint and id. */
class Ledger {
  readonly log = new Map<number, string>();
  private readonly docs = new Map<string, JsonObject>();
  private constructor(readonly store: ReadStore) {}

  static async open(dir: string): Promise<Ledger> {
    const store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    await store.ensureIndexes([...subjectProfileModel.indexes, ...topicsModel.indexes]);
    const ledger = new Ledger(store);
    const topic = (topicId: string, legalBasis: string) =>
      projected(topicStreamName(topicId), 'TopicDefined', {
        topicId,
        title: topicId,
        description: topicId,
        allowedChannels: topicId === 'offers' ? ['email'] : [...CHANNELS],
        legalBasis,
        personalFields: [],
        retentionDays: 30,
        definedAt: day(1),
      });
    await ledger.apply(topicsModel, topic('newsletter', 'consent'));
    await ledger.apply(topicsModel, ledger.version(1));
    await ledger.apply(topicsModel, topic('offers', 'legitimate_interest'));
    return ledger;
  }

  version(version: number): ProjectedEvent {
    const data = { version, text: `v${version}`, textHash: String(version).repeat(64), language: 'en' };
    return projected(topicStreamName('newsletter'), 'ConsentTextVersionPublished', {
      topicId: 'newsletter',
      ...data,
      change: 'material',
      publishedAt: day(1),
    });
  }

  async subject(index: number, type: string, data: JsonObject): Promise<void> {
    const id = SUBJECTS[index]!;
    await this.apply(
      subjectProfileModel as unknown as ReadModel,
      projected(subjectStreamName(id), type, { subjectId: id, ...data }),
    );
  }

  async apply(model: ReadModel, event: ProjectedEvent): Promise<void> {
    const writes: DocumentWrite[] = [];
    for (const key of model.keysOf(event)) {
      const slot = `${key.collection}/${key.id}`;
      const next = model.apply(this.docs.get(slot), event, key);
      if (next === undefined || next === this.docs.get(slot)) continue;
      this.docs.set(slot, JSON.parse(JSON.stringify(next)));
      writes.push({ kind: 'put', collection: key.collection, id: key.id, doc: next, position: event.position });
    }
    this.log.set(event.position, event.id);
    await this.store.commit({ projection: model.name, checkpoint: event.position, eventId: event.id, writes });
  }

  /** The documents of a read model that was reset. */
  forget(): void {
    this.docs.clear();
  }

  /** The stored model version of the profiles. */
  profilesVersion = 1;

  readonly lineage: TallyLineage = {
    belongsToLog: async (mark: CheckpointMark) => this.log.get(mark.position) === mark.eventId,
    modelVersion: async () => this.profilesVersion,
  };
}

describe('incremental consent figures', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-tally-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('equal a full pass after every step of random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), fc.boolean(), async (steps, sms) => {
        const ledger = await Ledger.open(mkdtempSync(join(dir, 'run-')));
        const figures = new IncrementalConsentOverview(ledger.store, ledger.lineage);
        // Half the people exist from the start, so that most steps change someone.
        for (const i of [0, 1]) await ledger.subject(i, 'SubjectRegistered', registration(sms));
        let today = 2;
        let material = 1;
        try {
          for (const s of steps) {
            if (s.kind === 'tick') today += s.days;
            else if (s.kind === 'material') await ledger.apply(topicsModel, ledger.version(++material));
            else await ledger.subject(s.subject, s.type, s.data);
            const now = day(today);
            expect(await figures.overview(now)).toEqual(await consentOverview(ledger.store, now));
          }
        } finally {
          await ledger.store.close();
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('counts afresh when the profiles were rebuilt against another log, even past the last position', async () => {
    const ledger = await Ledger.open(dir);
    const figures = new IncrementalConsentOverview(ledger.store, ledger.lineage);
    const now = day(2);
    try {
      for (const i of [0, 1, 2]) await ledger.subject(i, 'SubjectRegistered', registration(false));
      expect((await figures.overview(now)).people.people).toBe(3);
      // A restored log: the profiles are rebuilt from it, its events have other ids, and it runs further.
      const { position } = await ledger.store.getCheckpointMark(subjectProfileModel.name);
      await ledger.store.reset({
        projection: subjectProfileModel.name,
        collections: subjectProfileModel.collections,
        indexes: [],
      });
      await ledger.store.ensureIndexes(subjectProfileModel.indexes);
      ledger.forget();
      await ledger.subject(3, 'SubjectRegistered', registration(true));
      for (let p = 0; p <= position; p++) ledger.log.set(p, `restored-${p}`);
      expect(await figures.overview(now)).toEqual(await consentOverview(ledger.store, now));
      expect((await figures.overview(now)).people.people).toBe(1);
    } finally {
      await ledger.store.close();
    }
  });

  it('counts afresh when the profiles were rebuilt under another model version at the same positions', async () => {
    const ledger = await Ledger.open(dir);
    const figures = new IncrementalConsentOverview(ledger.store, ledger.lineage);
    const now = day(2);
    try {
      for (const i of [0, 1, 2]) await ledger.subject(i, 'SubjectRegistered', registration(false));
      expect((await figures.overview(now)).people.blocked).toBe(0);
      // The new version's apply reads the same events differently: same positions, other documents.
      const mark = await ledger.store.getCheckpointMark(subjectProfileModel.name);
      const { items } = await ledger.store.find(SUBJECT_PROFILES, {});
      const block = {
        blockId: 'b',
        scope: { kind: 'global' },
        reference: { kind: 'complaint', id: 'c' },
        setAt: day(1),
        eventId: 'x',
      };
      const writes: DocumentWrite[] = items.map(({ id, doc, position }) => ({
        kind: 'put',
        collection: SUBJECT_PROFILES,
        id,
        doc: { ...doc, blocks: [block] },
        position,
      }));
      await ledger.store.reset({
        projection: subjectProfileModel.name,
        collections: subjectProfileModel.collections,
        indexes: [],
      });
      await ledger.store.ensureIndexes(subjectProfileModel.indexes);
      await ledger.store.commit({
        projection: subjectProfileModel.name,
        checkpoint: mark.position,
        eventId: mark.eventId,
        writes,
      });
      ledger.profilesVersion = 2;
      await ledger.subject(3, 'SubjectRegistered', registration(false));
      expect(await figures.overview(now)).toEqual(await consentOverview(ledger.store, now));
      expect((await figures.overview(now)).people.blocked).toBe(3);
    } finally {
      await ledger.store.close();
    }
  });
});
