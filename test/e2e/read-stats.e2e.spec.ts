import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CONFIG, type AppConfig } from '#runtime';
import { MissionControl } from '../../apps/api/src/read-side/mission-control';
import { TOO_MANY_STREAMS } from '../../apps/api/src/read-side/stream-slots';
import { ReadSideDriver } from './read-side.driver';
import { SEEDED, seedRecords } from './read-stats.seed';

type Figures = { topicId: string; channel: string; [figure: string]: unknown };

/** GET /stats and the live GET /stats/stream (Server-Sent Events) of Mission Control. */
describe('read side: Mission Control figures (e2e)', () => {
  let driver: ReadSideDriver;

  beforeAll(async () => {
    driver = await ReadSideDriver.boot(true);
    await driver.defineTopic('letter');
  });
  afterAll(() => driver.close());

  async function figures(topicId: string, channel: string, role = 'admin'): Promise<Figures> {
    const res = await driver.query('/stats', role);
    expect(res.statusCode).toBe(200);
    return res.json().consents.find((f: Figures) => f.topicId === topicId && f.channel === channel);
  }

  it('counts never asked, pending, granted, revoked, reconsent required and blocked as commands arrive', async () => {
    const anna = await driver.register([{ channel: 'email', address: 'anna@example.org' }]);
    const ben = await driver.register([{ channel: 'email', address: 'ben@example.org' }]);
    const cleo = await driver.register([{ channel: 'sms', address: '+4915112345678' }]);
    expect(await figures('letter', 'email')).toMatchObject({
      neverAsked: 2,
      granted: 0,
      pendingDoubleOptIn: 0,
      blocked: 0,
    });

    await driver.grant(anna, 'letter');
    expect(await figures('letter', 'email')).toMatchObject({ neverAsked: 1, granted: 1 });

    const cp = await driver.contactPointId(ben);
    await driver.command('POST', `/subjects/${ben}/double-opt-in`, 'journey', {
      topicId: 'letter',
      channel: 'email',
      contactPointId: cp,
      textVersion: 1,
      sourceSystem: 'shop',
    });
    expect(await figures('letter', 'email')).toMatchObject({ neverAsked: 0, pendingDoubleOptIn: 1, granted: 1 });

    await driver.command('POST', `/subjects/${anna}/consents/revoke`, 'crm', { topicId: 'letter', channel: 'email' });
    expect(await figures('letter', 'email')).toMatchObject({ granted: 0, revoked: 1 });

    await driver.grant(cleo, 'letter', 'sms');
    expect(await figures('letter', 'sms')).toMatchObject({ granted: 1, reconsentRequired: 0 });
    await driver.command('POST', '/topics/letter/versions', 'dpo', {
      text: 'Now also about partners',
      language: 'en',
      change: 'material',
    });
    expect(await figures('letter', 'sms')).toMatchObject({ granted: 0, reconsentRequired: 1 });

    await driver.command('POST', `/subjects/${ben}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'Complaint',
      reference: { kind: 'complaint', id: 'c-2' },
    });
    await driver.command('POST', `/subjects/${cleo}/objections`, 'journey', {
      scope: { kind: 'channel', channel: 'sms' },
    });
    expect(await figures('letter', 'email')).toMatchObject({ blocked: 1 });
    // Ben's global block counts where he can be reached (e-mail), not on sms, where only Cleo objected.
    expect(await figures('letter', 'sms')).toMatchObject({ blocked: 1 });
  });

  it('answers with the position the figures include and the open requests by due date', async () => {
    const body = (await driver.query('/stats', 'auditor')).json();
    expect(body.position).toBeGreaterThanOrEqual(driver.position);
    expect(Array.isArray(body.openRequests)).toBe(true);
  });

  it('is not for journeys', async () => {
    expect((await driver.query('/stats', 'journey')).statusCode).toBe(403);
  });

  it('streams a new frame within a second of a change', async () => {
    const stream = await openStream('/stats/stream', driver.keys.dpo!);
    try {
      const first = await stream.next();
      expect(first.event).toBe('stats');
      const before = JSON.parse(first.data).consents.find(
        (f: Figures) => f.topicId === 'letter' && f.channel === 'email',
      ).neverAsked;
      const started = Date.now();
      await driver.register([{ channel: 'email', address: 'dora@example.org' }]);
      const next = await stream.next();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(
        JSON.parse(next.data).consents.find((f: Figures) => f.topicId === 'letter' && f.channel === 'email').neverAsked,
      ).toBe(before + 1);
      expect(Number(next.id)).toBeGreaterThan(Number(first.id));
    } finally {
      stream.close();
    }
  });

  it('computes the figures once per change for every open stream, not once per stream', async () => {
    const streams = [];
    for (const role of ['admin', 'dpo', 'crm'])
      for (let i = 0; i < 10; i++) streams.push(await openStream('/stats/stream', driver.keys[role]!));
    try {
      await Promise.all(streams.map((s) => s.next()));
      const computed = jest.spyOn(driver.app.get(MissionControl), 'figures');
      const writes = 4;
      for (let i = 0; i < writes; i++) {
        await driver.register([{ channel: 'email', address: `shared${i}@example.org` }]);
        const frames = await Promise.all(streams.map((s) => s.next()));
        expect(new Set(frames.map((f) => f.id)).size).toBe(1);
      }
      // One computation per projected change (a write may land in two checkpoints), never one per stream.
      expect(computed.mock.calls.length).toBeGreaterThanOrEqual(writes);
      expect(computed.mock.calls.length).toBeLessThanOrEqual(writes * 2);
      computed.mockRestore();
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('spaces the passes over the profiles by four times the last one, and still ends on the last change', async () => {
    const stream = await openStream('/stats/stream', driver.keys.admin!);
    const control = driver.app.get(MissionControl);
    const original = control.figures.bind(control);
    try {
      await stream.next();
      // A slow ledger: every pass takes 300 ms.
      const slow = jest
        .spyOn(control, 'figures')
        .mockImplementation(async () => (await new Promise((r) => setTimeout(r, 300)), original()));
      const started = Date.now();
      let writes = 0;
      while (Date.now() - started < 2400) {
        await driver.register([{ channel: 'email', address: `busy${writes++}@example.org` }]);
        await new Promise((r) => setTimeout(r, 100));
      }
      const passes = slow.mock.calls.length;
      // At most one pass per 1.2 s (+1 for the one in flight), where unspaced there would be one per write.
      expect(passes).toBeLessThanOrEqual(3);
      expect(writes).toBeGreaterThan(passes * 3);
      let frame = JSON.parse((await stream.next()).data);
      while (frame.position < driver.position) frame = JSON.parse((await stream.next()).data);
      expect(frame.position).toBeGreaterThanOrEqual(driver.position);
      slow.mockRestore();
    } finally {
      stream.close();
    }
  }, 20_000);

  it('caps open streams per API key with 429 and frees the slot when a stream closes', async () => {
    const limit = driver.app.get<AppConfig>(APP_CONFIG).projections.statsStreamsPerKey;
    const streams = [];
    for (let i = 0; i < limit; i++) streams.push(await openStream('/stats/stream', driver.keys.auditor!));
    try {
      const refused = await streamStatus(driver.keys.auditor!);
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 429, code: TOO_MANY_STREAMS });
      expect((await streamStatus(driver.keys.admin!)).status).toBe(200);
      streams.pop()!.close();
      const deadline = Date.now() + 3000;
      let status = 429;
      while (status === 429 && Date.now() < deadline) status = (await streamStatus(driver.keys.auditor!)).status;
      expect(status).toBe(200);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  /** Opens a stream and closes it at once: the status and, on a refusal, the body. */
  async function streamStatus(key: string): Promise<{ status: number; body: string }> {
    const { port } = driver.app.getHttpServer().address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port,
          path: '/stats/stream',
          headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
        },
        resolve,
      )
        .on('error', reject)
        .end();
    });
    if (response.statusCode === 200) {
      response.destroy();
      return { status: 200, body: '' };
    }
    let body = '';
    for await (const chunk of response.setEncoding('utf8')) body += chunk;
    return { status: response.statusCode!, body };
  }

  it('refuses the stream without a key', async () => {
    const res = await driver.app.inject({ method: 'GET', url: '/stats/stream' });
    expect(res.statusCode).toBe(401);
  });

  /** A minimal SSE reader over a real socket on 127.0.0.1 (inject cannot read an endless response). */
  async function openStream(path: string, key: string) {
    const { port } = driver.app.getHttpServer().address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' } },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    let buffer = '';
    const frames: Array<Record<string, string>> = [];
    const waiting: Array<(frame: Record<string, string>) => void> = [];
    response.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = Object.fromEntries(
          buffer
            .slice(0, end)
            .split('\n')
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
        );
        buffer = buffer.slice(end + 2);
        const waiter = waiting.shift();
        if (waiter) waiter(frame);
        else frames.push(frame);
      }
    });
    const next = () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const frame = frames.shift();
        if (frame) return resolve(frame);
        const timer = setTimeout(() => reject(new Error('no SSE frame within 3 s')), 3000);
        waiting.push((f) => {
          clearTimeout(timer);
          resolve(f);
        });
      });
    return { next, close: () => response.destroy() };
  }
});

/** The figures of 360 imported subjects against what the seed's rules give when counted by hand. */
describe('read side: Mission Control figures count people (e2e)', () => {
  let driver: ReadSideDriver;
  let body: Record<string, any>;
  const cell = (topicId: string, channel: string) =>
    body.consents.find((f: Figures) => f.topicId === topicId && f.channel === channel);

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('news');
    await driver.defineTopic('offers', 'legitimate_interest', ['email']);
    const imported = await driver.importRecords(seedRecords());
    expect(imported).toMatchObject({ refused: 0 });
    const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const someone = (await driver.query('/subjects?email=person1@example.org', 'crm')).json().items[0].subjectId;
    for (const [kind, receivedAt] of [
      ['access', days(40)],
      ['erasure', days(28)],
      ['portability', days(1)],
    ])
      await driver.command('POST', `/subjects/${someone}/requests`, 'crm', { kind, channel: 'email', receivedAt });
    body = (await driver.query('/stats', 'dpo')).json();
  }, 60_000);
  afterAll(() => driver.close());

  it('counts each person once in the people tiles (25 people have a block, 240 were never asked)', () => {
    expect(body.people).toEqual({
      people: SEEDED,
      reachable: SEEDED,
      contactable: 312,
      granted: 90,
      pendingDoubleOptIn: 0,
      neverAsked: 240,
      revoked: 45,
      blocked: 25,
      objected: 36,
      erased: 0,
    });
  });

  it('gives per topic and channel the people reachable, contactable and the opt-in rate', () => {
    expect(cell('news', 'email')).toMatchObject({
      reachable: 360,
      contactable: 42,
      granted: 45,
      revoked: 45,
      neverAsked: 270,
      blocked: 25,
      objected: 0,
      optInRate: 0.125,
    });
    // Blocked only where they can be reached: the 24 global blocks all fall on people with a phone.
    expect(cell('news', 'sms')).toMatchObject({
      reachable: 120,
      contactable: 48,
      granted: 60,
      neverAsked: 60,
      blocked: 24,
      optInRate: 0.5,
    });
  });

  it('treats a legitimate-interest topic as such: objections, nobody never asked', () => {
    expect(cell('offers', 'email')).toMatchObject({
      legalBasis: 'legitimate_interest',
      reachable: 360,
      contactable: 312,
      neverAsked: 0,
      granted: 0,
      objected: 36,
      blocked: 48,
      optInRate: null,
    });
  });

  it('shows the grants, revocations and blocks of the last 30 days, per day, ending today', () => {
    type Day = { day: string; grants: number; revocations: number; blocks: number };
    const trend: Day[] = body.trend;
    expect(trend).toHaveLength(30);
    expect(trend.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    // Summed, so a run across midnight (UTC) counts the same.
    const sum = (key: keyof Omit<Day, 'day'>) => trend.reduce((total, day) => total + day[key], 0);
    expect({ grants: sum('grants'), revocations: sum('revocations'), blocks: sum('blocks') }).toEqual({
      grants: 150,
      revocations: 45,
      blocks: 25,
    });
  });

  it('lists the overdue request and the one due this week', () => {
    expect(body.requests.overdue.map((r: { kind: string }) => r.kind)).toEqual(['access']);
    expect(body.requests.dueThisWeek.map((r: { kind: string }) => r.kind)).toEqual(['erasure']);
  });
});
