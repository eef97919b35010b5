import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, type DocumentWrite, type ReadStore } from '#read-store';
import { subjectStreamName } from '#domain';
import { findAudience } from './audiences';
import { consentOverview } from './consent-stats';
import { fold, LATER, NOW, subjectEvent, T0, T1, T2, topicEvent } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { subjectProfileModel } from './subject-profile';
import { blockSet, doiRequested, granted, objection, registered } from './subject-profile.fixtures';
import { getTopic, topicsModel } from './topics';

/** Figures and audiences against the embedded read store, with documents folded by the models. */
describe('consent figures and audiences on the sqlite read store', () => {
  let dir: string;
  let store: ReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-stats-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    await store.ensureIndexes([...subjectProfileModel.indexes, ...topicsModel.indexes]);
    const defined = topicEvent('newsletter', 'TopicDefined', {
      title: 'N',
      description: 'N',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 1,
      definedAt: T0,
    });
    await save(
      fold(topicsModel, [
        defined,
        topicEvent('newsletter', 'ConsentTextVersionPublished', {
          version: 1,
          text: 't',
          textHash: '1'.repeat(64),
          language: 'en',
          change: 'material',
          publishedAt: T0,
        }),
      ]),
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const legitimate = {
    title: 'Offers',
    description: 'O',
    allowedChannels: ['email'],
    legalBasis: 'legitimate_interest',
    personalFields: [],
    retentionDays: 1,
  };

  let checkpoint = 0;
  async function save(docs: Map<string, Record<string, unknown>>): Promise<void> {
    checkpoint += 1;
    const writes: DocumentWrite[] = [...docs].map(([key, doc]) => {
      const [collection, id] = key.split('/') as [string, string];
      return { kind: 'put', collection, id, doc, position: checkpoint };
    });
    await store.commit({ projection: 'test', checkpoint, writes });
  }

  /** Each subject gets its own stream, so documents do not collide. */
  async function subject(n: number, ...events: Array<(s: string) => ProjectedEvent>): Promise<void> {
    const id = `00000000-0000-4000-8000-00000000000${n}`;
    const retarget = (e: ProjectedEvent) => ({
      ...e,
      stream: subjectStreamName(id),
      data: { ...e.data, subjectId: id },
    });
    await save(
      fold(subjectProfileModel, [retarget(registered()), ...events.map((make) => retarget(make(id)))]) as Map<
        string,
        Record<string, unknown>
      >,
    );
  }

  async function emailFigures() {
    return (await consentOverview(store, NOW)).consents.find((f) => f.channel === 'email');
  }

  it('evaluates time-bound states at now: a lapsed double opt-in counts as expired, a live one as pending', async () => {
    await subject(1, () => doiRequested({ expiresAt: T2 }));
    await subject(2, () => doiRequested({ expiresAt: LATER }));
    expect(await emailFigures()).toMatchObject({ pendingDoubleOptIn: 1, expired: 1, neverAsked: 0 });
  });

  it('evaluates grants with an expiry at now', async () => {
    await subject(1, () => granted({ expiresAt: T2 }));
    await subject(2, () => granted({ expiresAt: LATER }));
    await subject(3, () => granted());
    expect(await emailFigures()).toMatchObject({ granted: 2, expired: 1 });
  });

  it('counts a subject blocked by several degrees once, and only on channels it can be reached on', async () => {
    await subject(
      1,
      () => blockSet({ kind: 'topic', topicId: 'newsletter' }, 'b1'),
      () => blockSet({ kind: 'channel', channel: 'email' }, 'b2'),
    );
    await subject(2, () => objection({ kind: 'channel', channel: 'email' }));
    await subject(
      3,
      () => blockSet({ kind: 'global' }),
      () => objection({ kind: 'topic', topicId: 'newsletter' }),
    );
    await subject(4, () => blockSet({ kind: 'topic', topicId: 'other' }));
    const all = (await consentOverview(store, NOW)).consents;
    expect(all.find((f) => f.channel === 'email')).toMatchObject({ blocked: 3 });
    // Nobody has a phone number: a global block or an sms objection blocks no one there.
    expect(all.find((f) => f.channel === 'sms')).toMatchObject({ reachable: 0, blocked: 0 });
  });

  it('counts distinct people in the people figures, not topic and channel cells', async () => {
    await save(fold(topicsModel, [topicEvent('offers', 'TopicDefined', { ...legitimate, definedAt: T0 })]));
    await subject(
      1,
      () => granted(),
      () => blockSet({ kind: 'global' }),
    );
    await subject(2, () => granted());
    await subject(3, () => objection({ kind: 'topic', topicId: 'offers' }));
    await subject(4);
    const { people, consents } = await consentOverview(store, NOW);
    expect(people).toMatchObject({ people: 4, reachable: 4, granted: 2, neverAsked: 2, blocked: 1, objected: 1 });
    // Subject 2 may get the newsletter; 2 and 4 the legitimate-interest offers (3 objected, 1 is blocked).
    expect(people.contactable).toBe(2);
    expect(consents.find((f) => f.topicId === 'newsletter' && f.channel === 'email')).toMatchObject({
      reachable: 4,
      contactable: 1,
      granted: 2,
      neverAsked: 2,
      optInRate: 0.5,
    });
    expect(consents.find((f) => f.topicId === 'offers')).toMatchObject({
      reachable: 4,
      contactable: 2,
      neverAsked: 0,
      granted: 0,
      objected: 1,
      blocked: 2,
      optInRate: null,
    });
  });

  it('leaves out erased subjects', async () => {
    await subject(
      1,
      () => granted(),
      () => subjectEvent('SubjectErased', { cause: 'retention', erasedAt: T1 }),
    );
    expect(await emailFigures()).toMatchObject({ granted: 0, neverAsked: 0 });
  });

  it('fills audience pages across candidates that are denied', async () => {
    for (let n = 1; n <= 6; n++)
      await subject(n, () => granted(), ...(n % 2 === 0 ? [() => blockSet({ kind: 'global' })] : []));
    const topic = (await getTopic(store, 'newsletter'))!;
    const first = await findAudience(store, topic, 'email', NOW, { limit: 2 });
    expect(first.items.map((m) => m.subjectId.slice(-1))).toEqual(['1', '3']);
    const second = await findAudience(store, topic, 'email', NOW, { after: first.next, limit: 2 });
    expect(second).toEqual({ items: [expect.objectContaining({ subjectId: expect.stringMatching(/5$/) })] });
  });
});
