import { createHash, randomUUID } from 'node:crypto';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { subjectStreamName } from '#domain';
import {
  CONSENT_RECORDS,
  consentReportIndexes,
  consentReportModel,
  type ConsentReportDocument,
  type ProjectedEvent,
} from '#projections';
import type { DocumentWrite, ReadStore } from '#read-store';
import { READ_STORE } from '#runtime';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

const SUBJECTS = 100_000;
const BATCH = 5_000;
const MiB = 1024 * 1024;
/** Far below the ~100k rows a buffered answer would hold (tens of MiB as text, more as objects). */
const HEAP_GROWTH_LIMIT = 16 * MiB;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Seven subjects per second of recording time: ties in recordedAt are broken by id. */
function grantOf(i: number): ProjectedEvent {
  const subjectId = randomUUID();
  const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 7) * 1000).toISOString();
  const evidence = {
    method: 'checkbox',
    capturedAt: at,
    sourceSystem: 'seed',
    textVersion: 1,
    textHash: 'a'.repeat(64),
  };
  const data = { subjectId, topicId: 'scale', channel: 'email', evidence, topicMaterialVersion: 1, grantedAt: at };
  const stream = subjectStreamName(subjectId);
  return {
    id: randomUUID(),
    type: 'ConsentGranted',
    data,
    metadata: {},
    stream,
    revision: 0,
    position: i + 1,
    created: new Date(at),
    derived: {},
  };
}

/** The model's own apply builds each document; batches go straight to the read store, no HTTP. */
async function seed(store: ReadStore): Promise<void> {
  await store.ensureIndexes(consentReportIndexes);
  for (let start = 0; start < SUBJECTS; start += BATCH) {
    const writes: DocumentWrite[] = [];
    for (let i = start; i < start + BATCH; i += 1) {
      const event = grantOf(i);
      const [key] = consentReportModel.keysOf(event);
      const doc = consentReportModel.apply(undefined, event, key!) as ConsentReportDocument;
      writes.push({ kind: 'put', collection: CONSENT_RECORDS, id: key!.id, doc, position: event.position });
    }
    // Its own checkpoint name: the live consent-report runner's checkpoint stays the log's.
    await store.commit({ projection: 'e2e-report-seed', checkpoint: start + BATCH, writes });
  }
}

/** The query of the Link rel="next" header, if any. */
function nextOf(link: string | undefined): string | undefined {
  return link ? /^<\/consents\/report(\?[^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
}

interface Streamed {
  lines: number;
  digest: string;
  ordered: boolean;
  next?: string;
  maxHeapGrowth: number;
}

/** Reads the answer as it arrives, keeping only a running digest, the last key and heap samples. */
function stream(port: number, key: string, path: string, baseline: number): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let rest = '';
    let last = '';
    let result: Streamed = { lines: 0, digest: '', ordered: true, maxHeapGrowth: 0 };
    const onLine = (line: string) => {
      const row = JSON.parse(line) as ConsentReportDocument;
      const sortKey = `${row.recordedAt} ${row.subjectId}/${row.topicId}/${row.channel}`;
      if (sortKey <= last) result.ordered = false;
      last = sortKey;
      hash.update(`${line}\n`);
      result.lines += 1;
      if (result.lines % 10_000 === 0) {
        gc();
        result.maxHeapGrowth = Math.max(result.maxHeapGrowth, process.memoryUsage().heapUsed - baseline);
      }
    };
    const headers = { ...bearer(key), accept: 'application/x-ndjson' };
    get({ host: '127.0.0.1', port, path: `/consents/report${path}`, headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      const link = res.headers.link as string | undefined;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        parts.forEach(onLine);
      });
      res.on('end', () => {
        const next = nextOf(link);
        result = { ...result, digest: hash.digest('hex'), ...(next ? { next } : {}) };
        resolve(result);
      });
    }).on('error', reject);
  });
}

describe('the consent report on 100,000 subjects (e2e)', () => {
  let booted: BootedApp;
  let keys: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, listen: true });
    port = (booted.app.getHttpServer().address() as AddressInfo).port;
    await seed(booted.app.get<ReadStore>(READ_STORE));
  }, 300_000);
  afterAll(() => booted.close());

  it('streams every record once, in order, in one answer, with bounded heap growth', async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    const all = await stream(port, keys.auditor!, `?topicId=scale&limit=${SUBJECTS}`, baseline);
    process.stdout.write(
      `consent report: ${all.lines} rows, max heap growth ${(all.maxHeapGrowth / MiB).toFixed(1)} MiB\n`,
    );
    expect(all).toMatchObject({ lines: SUBJECTS, ordered: true });
    expect(all.next).toBeUndefined();
    expect(all.maxHeapGrowth).toBeLessThan(HEAP_GROWTH_LIMIT);
  }, 300_000);

  it('gives the same rows in the same order when resumed page by page from the Link cursor', async () => {
    const whole = await stream(port, keys.auditor!, `?topicId=scale&limit=${SUBJECTS}`, 0);
    const hash = createHash('sha256');
    let path: string | undefined = '?topicId=scale&limit=30000';
    const sizes: number[] = [];
    let nonEmpty = true;
    while (path !== undefined) {
      const page = await pageLines(port, keys.dpo!, path);
      sizes.push(page.lines.length);
      page.lines.forEach((line) => hash.update(`${line}\n`));
      nonEmpty &&= page.lines.length > 0;
      path = page.next;
    }
    expect(sizes).toEqual([30_000, 30_000, 30_000, 10_000]);
    expect(nonEmpty).toBe(true);
    expect(hash.digest('hex')).toBe(whole.digest);
  }, 300_000);
});

/** A page of at most 30,000 lines is small enough to hold in the test. */
function pageLines(port: number, key: string, path: string): Promise<{ lines: string[]; next?: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: `/consents/report${path}`, headers: bearer(key) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const link = res.headers.link as string | undefined;
        const next = nextOf(link);
        resolve({ lines: body.split('\n').filter(Boolean), ...(next ? { next } : {}) });
      });
    }).on('error', reject);
  });
}
