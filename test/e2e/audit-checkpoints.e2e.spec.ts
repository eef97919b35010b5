import { rmSync } from 'node:fs';
import { EVENT_STORE } from '#runtime';
import { AUDIT_SIGNING_KEY } from '#application';
import { CHECKPOINT_TREE, verifyLog, type AuditSigningKey } from '#audit';
import type { EventStore } from '#event-store';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** Checkpoints every N events, kept right across a restart (heads rebuilt from the log at start). */
describe('audit checkpoints (e2e)', () => {
  const dataDir = tempDataDir();
  const keys = createRoleKeys(dataDir);
  const env = { AUDIT_CHECKPOINT_EVERY_EVENTS: '3' };
  let booted: BootedApp | undefined;

  afterAll(async () => {
    await booted?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const topic = (b: BootedApp, id: string) =>
    b.app.inject({
      method: 'POST',
      url: '/topics',
      headers: bearer(keys.admin),
      payload: {
        id,
        title: id,
        description: 'd',
        allowedChannels: ['email'],
        legalBasis: 'consent',
        personalFields: [],
        retentionDays: 1,
      },
    });

  async function anchors(b: BootedApp, count: number, waitMs = 5000) {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const list = (
        await b.app.inject({ method: 'GET', url: '/audit/checkpoints', headers: bearer(keys.auditor) })
      ).json();
      if (list.length >= count || Date.now() > deadline) return list;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('anchors after every 3 new events, also after a restart, and the whole log verifies', async () => {
    booted = await bootApp({ dataDir, env });
    for (const id of ['t1', 't2', 't3']) expect((await topic(booted, id)).statusCode).toBe(201);
    expect((await anchors(booted, 1))[0].checkpoint).toMatchObject({ logSize: 3, tree: CHECKPOINT_TREE });
    await booted.close();

    booted = await bootApp({ dataDir, env });
    for (const id of ['t4', 't5']) await topic(booted, id);
    expect(await anchors(booted, 2, 300)).toHaveLength(1);
    await topic(booted, 't6');
    const list = await anchors(booted, 2);
    expect(list.map((a: { checkpoint: { logSize: number } }) => a.checkpoint.logSize)).toEqual([6, 3]);
    const key = booted.app.get<AuditSigningKey>(AUDIT_SIGNING_KEY);
    const report = await verifyLog(booted.app.get<EventStore>(EVENT_STORE), {
      key: { publicKey: key.publicKey, keyId: key.keyId },
    });
    expect(report).toMatchObject({ ok: true, anchors: 2, events: 8, streams: 7 });
  });
});
