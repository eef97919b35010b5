import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '#runtime';
import { SqliteReadStore, type JsonObject, type ReadStore } from '#read-store';
import { fold, subjectEvent, T0, topicEvent } from '../../../../projections/projection.fixtures';
import type { ProjectedEvent } from '../../../../projections/read-model';
import { SUBJECT_PROFILES, subjectProfileModel } from '../../../../projections/subject-profile';
import { CONTACTABILITY_ROWS, contactabilityRow } from '../../../../projections/contactability.row';
import type { SubjectProfileDocument } from '../../../../projections/subject-profile.document';
import {
  blockSet,
  doiRequested,
  granted,
  objection,
  registered,
  revoked,
} from '../../../../projections/subject-profile.fixtures';
import { TOPICS, topicsModel } from '../../../../projections/topics';
import { ContactabilityController } from './contactability.controller';
import { ContactabilityReads } from './contactability-reads';

const CHANNELS = ['email', 'sms', 'push'];
const defineTopic = (id: string, legalBasis: string) => [
  topicEvent(id, 'TopicDefined', {
    title: id,
    description: id,
    allowedChannels: ['email', 'sms'],
    legalBasis,
    personalFields: [],
    retentionDays: 730,
    definedAt: T0,
  }),
  topicEvent(id, 'ConsentTextVersionPublished', {
    version: 1,
    text: 'v1',
    textHash: '1'.repeat(64),
    language: 'en',
    change: 'material',
    publishedAt: T0,
  }),
];
const smsPoint = () =>
  subjectEvent('ContactPointAdded', {
    contactPointId: 'cp-sms',
    channel: 'sms',
    address: 'enc:v1:k1:iv:sms',
    addedAt: T0,
  });

/** Subjects whose profiles cover every kind of answer: allowed, each denial, per address. */
const PROFILES: Record<string, () => ProjectedEvent[]> = {
  '11111111-1111-4111-8111-111111111111': () => [registered(), granted()],
  '22222222-2222-4222-8222-222222222222': () => [registered()],
  '33333333-3333-4333-8333-333333333333': () => [registered(), granted(), revoked()],
  '44444444-4444-4444-8444-444444444444': () => [
    registered(),
    granted(),
    blockSet({ kind: 'contact_point', contactPointId: 'cp-mail' }),
  ],
  '55555555-5555-4555-8555-555555555555': () => [registered(), granted(), objection({ kind: 'direct_marketing' })],
  '66666666-6666-4666-8666-666666666666': () => [registered(), smsPoint(), doiRequested()],
};
const UNKNOWN_SUBJECT = '77777777-7777-4777-8777-777777777777';

async function seed(store: ReadStore): Promise<void> {
  const profiles = Object.entries(PROFILES).map(([id, events]) => ({
    id,
    doc: fold(subjectProfileModel, events()).values().next().value!,
  }));
  const topics = fold(topicsModel, [...defineTopic('newsletter', 'consent'), ...defineTopic('orders', 'contract')]);
  const put = (collection: string, id: string, doc: JsonObject) => ({
    kind: 'put' as const,
    collection,
    id,
    doc,
    position: 1,
  });
  await store.commit({
    projection: subjectProfileModel.name,
    checkpoint: 1,
    writes: profiles.flatMap((p) => [
      put(SUBJECT_PROFILES, p.id, p.doc),
      put(CONTACTABILITY_ROWS, p.id, contactabilityRow(p.doc as SubjectProfileDocument)),
    ]),
  });
  await store.commit({
    projection: topicsModel.name,
    checkpoint: 1,
    writes: [...topics].map(([key, doc]) => put(TOPICS, key.slice(TOPICS.length + 1), doc)),
  });
}

/** What a route answered: the body, or the refusal's status, code and violations. */
async function outcome(answer: () => Promise<unknown>): Promise<unknown> {
  try {
    return { body: await answer() };
  } catch (error) {
    const e = error as {
      code: string;
      kind?: string;
      getStatus?: () => number;
      details?: { violations?: { field: string; rule: string }[] };
    };
    return { code: e.code, status: e.getStatus?.() ?? e.kind, rules: e.details?.violations?.map((v) => v.rule) };
  }
}

describe('the single and the batch contactability checks', () => {
  let dir: string;
  let store: ReadStore;
  let controller: ContactabilityController;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contactability-paths-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    await seed(store);
    const config = {
      domain: { channels: CHANNELS },
      projections: { profileCacheEntries: 100 },
    } as unknown as AppConfig;
    controller = new ContactabilityController(store, config, new ContactabilityReads(store, config));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes the read store's write stamp once per single check, for the row and the topic together", async () => {
    const stamps = jest.spyOn(store, 'writeStamp');
    await controller.check(Object.keys(PROFILES)[0]!, { topicId: 'newsletter', channel: 'email' });
    expect(stamps).toHaveBeenCalledTimes(1);
    stamps.mockRestore();
  });

  const subjects = [...Object.keys(PROFILES), UNKNOWN_SUBJECT];
  const cases = subjects.flatMap((subjectId) =>
    ['newsletter', 'orders', 'unknown-topic'].flatMap((topicId) =>
      ['email', 'sms', 'push', 'fax'].flatMap((channel) =>
        [undefined, 'cp-mail', 'cp-sms', 'cp-none'].map((contactPointId) => ({
          subjectId,
          topicId,
          channel,
          contactPointId,
        })),
      ),
    ),
  );

  it('give the same answer to every (subject, topic, channel, contact point), and the same 400s', async () => {
    const seen = new Set<string>();
    for (const check of cases) {
      const query = {
        topicId: check.topicId,
        channel: check.channel,
        ...(check.contactPointId ? { contactPointId: check.contactPointId } : {}),
      };
      const single = (await outcome(() => controller.check(check.subjectId, query))) as {
        body?: JsonObject;
        code?: string;
        status?: unknown;
        rules?: string[];
      };
      const batch = (await outcome(() => controller.batch({ checks: [check] }))) as {
        body?: { results: JsonObject[] };
        code?: string;
        status?: unknown;
        rules?: string[];
      };
      if (single.body) {
        const { subjectId, topicId, channel, legalBasis, ...decision } = single.body;
        expect(batch.body!.results[0]).toEqual({ ...check, ...decision });
        if (decision.allowed) seen.add('allowed');
        (decision.reasons as { code: string }[]).forEach((r) => seen.add(r.code));
      } else if (single.code === 'VALIDATION.FAILED') {
        expect(batch).toEqual(single);
        seen.add('400');
      } else {
        const unknown = single.code === 'SUBJECT.NOT_FOUND' ? 'SUBJECT.UNKNOWN' : 'TOPIC.UNKNOWN';
        expect(single.status).toBe('not_found');
        expect(batch.body!.results[0]!.allowed).toBe(false);
        expect((batch.body!.results[0]!.reasons as { code: string }[])[0]!.code).toBe(unknown);
        seen.add(unknown);
      }
    }
    // The cases reach every kind of answer, so agreement is not agreement on one denial.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'allowed',
        '400',
        'SUBJECT.UNKNOWN',
        'TOPIC.UNKNOWN',
        'CONSENT.NEVER_ASKED',
        'CONSENT.REVOKED',
        'BLOCK.CONTACT_POINT',
        'OBJECTION.DIRECT_MARKETING',
        'TOPIC.CHANNEL_NOT_ALLOWED',
        'CONTACT_POINT.UNKNOWN',
        'CONTACT_POINT.CHANNEL_MISMATCH',
      ]),
    );
  });
});
