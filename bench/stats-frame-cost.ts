/*
 * What one Mission Control frame costs at N subjects (issue #20 item 2): the full pass over every
 * profile (`consentOverview`, what each frame did before) against the incremental figures
 * (`IncrementalConsentOverview`): its first call, then frames after 10 changed profiles and after none.
 * Run: node --expose-gc -r ./test/fixtures/swc-register.js bench/stats-frame-cost.ts [10000,50000]
 * Synthetic read store: 3 topics x 2 channels, profiles folded by the real model, process CPU time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subjectStreamName, topicStreamName } from '#domain';
import type { RecordedEvent } from '#event-store';
import {
  applySubjectEvent,
  consentOverview,
  IncrementalConsentOverview,
  SUBJECT_PROFILES,
  subjectProfileModel,
  topicsModel,
  type ProjectedEvent,
} from '#projections';
import { SqliteReadStore, type DocumentWrite, type JsonObject, type ReadStore } from '#read-store';

const NOW = '2026-12-05T08:00:00.000Z';
const LATER = '2027-06-01T00:00:00.000Z';
let position = 0;

function event(stream: string, type: string, data: JsonObject): ProjectedEvent {
  position += 1;
  const recorded: RecordedEvent = {
    id: `e${position}`,
    type,
    data,
    metadata: {},
    stream,
    revision: 0,
    position,
    created: new Date(0),
  };
  return { ...recorded, derived: {} };
}

const subjectId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const grant = (id: string, topicId: string, channel: string) =>
  event(subjectStreamName(id), 'ConsentGranted', {
    subjectId: id,
    topicId,
    channel,
    topicMaterialVersion: 1,
    grantedAt: '2026-01-01T00:00:00.000Z',
    evidence: {
      method: 'checkbox',
      capturedAt: '2026-01-01T00:00:00.000Z',
      sourceSystem: 'bench',
      textVersion: 1,
      textHash: '1'.repeat(64),
      affirmativeAction: true,
    },
  });

async function commit(store: ReadStore, projection: string, writes: DocumentWrite[]): Promise<void> {
  await store.commit({ projection, checkpoint: position, eventId: `e${position}`, writes });
}

async function seedTopics(store: ReadStore): Promise<void> {
  for (const [topicId, legalBasis] of [
    ['news', 'consent'],
    ['events', 'consent'],
    ['offers', 'legitimate_interest'],
  ]) {
    const defined = event(topicStreamName(topicId!), 'TopicDefined', {
      topicId,
      title: topicId,
      description: topicId,
      allowedChannels: ['email', 'sms'],
      legalBasis,
      personalFields: [],
      retentionDays: 365,
      definedAt: '2026-01-01T00:00:00.000Z',
    });
    const version = event(topicStreamName(topicId!), 'ConsentTextVersionPublished', {
      topicId,
      version: 1,
      text: 't',
      textHash: '1'.repeat(64),
      language: 'en',
      change: 'material',
      publishedAt: '2026-01-01T00:00:00.000Z',
    });
    const key = { collection: 'topics', id: topicId! };
    const doc = topicsModel.apply(topicsModel.apply(undefined, defined, key), version, key)!;
    await commit(store, topicsModel.name, [{ kind: 'put', collection: 'topics', id: topicId!, doc, position }]);
  }
}

function profile(i: number): JsonObject {
  const id = subjectId(i);
  const points = [{ contactPointId: 'cp-email', channel: 'email', address: 'enc:v1:k:iv:x' }];
  if (i % 3 === 0) points.push({ contactPointId: 'cp-sms', channel: 'sms', address: 'enc:v1:k:iv:y' });
  const events = [
    event(subjectStreamName(id), 'SubjectRegistered', {
      subjectId: id,
      locale: 'de-DE',
      contactPoints: points,
      profile: {},
      registeredAt: '2026-01-01T00:00:00.000Z',
    }),
  ];
  if (i % 4 === 0) events.push(grant(id, 'news', 'email'));
  if (i % 6 === 0) events.push(grant(id, 'events', 'sms'));
  if (i % 7 === 0)
    events.push(
      event(subjectStreamName(id), 'DoubleOptInRequested', {
        subjectId: id,
        requestId: `d${i}`,
        topicId: 'events',
        channel: 'email',
        contactPointId: 'cp-email',
        tokenHash: 'f'.repeat(64),
        textVersion: 1,
        sourceSystem: 'bench',
        expiresAt: LATER,
        requestedAt: NOW,
      }),
    );
  if (i % 15 === 0)
    events.push(
      event(subjectStreamName(id), 'ContactBlockSet', {
        subjectId: id,
        blockId: 'b',
        scope: { kind: 'global' },
        reference: { kind: 'complaint', id: 'c' },
        setAt: NOW,
      }),
    );
  return events.reduce<JsonObject | undefined>((doc, e) => applySubjectEvent(doc as never, e), undefined)!;
}

async function seed(store: ReadStore, subjects: number): Promise<void> {
  await store.ensureIndexes([...subjectProfileModel.indexes, ...topicsModel.indexes]);
  await seedTopics(store);
  for (let from = 0; from < subjects; from += 1000) {
    const writes: DocumentWrite[] = [];
    for (let i = from; i < Math.min(subjects, from + 1000); i++)
      writes.push({
        kind: 'put',
        collection: SUBJECT_PROFILES,
        id: subjectId(i),
        doc: profile(i),
        position: position + 1,
      });
    position += 1;
    await commit(store, subjectProfileModel.name, writes);
  }
}

/** Process CPU (user + system) in ms spent by `work`. */
async function cpu(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function changeSome(store: ReadStore, count: number, round: number): Promise<void> {
  const writes: DocumentWrite[] = [];
  for (let k = 0; k < count; k++) {
    const id = subjectId((round * 7919 + k * 104729) % 1000);
    const doc = (await store.get(SUBJECT_PROFILES, id))!.doc;
    const next = applySubjectEvent(doc as never, grant(id, 'offers', 'email'))!;
    writes.push({ kind: 'put', collection: SUBJECT_PROFILES, id, doc: next, position });
  }
  await commit(store, subjectProfileModel.name, writes);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function measure(subjects: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stats-frame-'));
  const store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  try {
    await seed(store, subjects);
    await consentOverview(store, NOW);
    const full = [];
    for (let r = 0; r < 3; r++) full.push(await cpu(() => consentOverview(store, NOW)));
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const figures = new IncrementalConsentOverview(store, {
      belongsToLog: async () => true,
      modelVersion: async () => 1,
    });
    const first = await cpu(() => figures.overview(NOW));
    global.gc?.();
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const changed = [];
    for (let r = 0; r < 20; r++) {
      await changeSome(store, 10, r);
      changed.push(await cpu(() => figures.overview(NOW)));
    }
    const idle = [];
    for (let r = 0; r < 20; r++) idle.push(await cpu(() => figures.overview(NOW)));
    const same = JSON.stringify(await figures.overview(NOW)) === JSON.stringify(await consentOverview(store, NOW));
    return `${subjects} subjects: full pass ${mean(full).toFixed(0)} ms CPU (${full.map((v) => v.toFixed(0)).join(', ')}); incremental first call ${first.toFixed(0)} ms, frame after 10 changes ${mean(changed).toFixed(2)} ms, frame after none ${mean(idle).toFixed(2)} ms; tally heap ${heapMiB.toFixed(1)} MiB; equal to the full pass: ${same}`;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const scales = (process.argv[2] ?? '10000,50000').split(',').map(Number);
  for (const n of scales) console.log(await measure(n));
}

void main();
