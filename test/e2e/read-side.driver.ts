import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#runtime';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Drives the real api over HTTP for the read-side e2e specs: commands return a `position`, and
 * queries pass it back as X-Min-Position, so every read sees its own writes without sleeping.
 */
export class ReadSideDriver {
  position = 0;

  private constructor(
    readonly booted: BootedApp,
    readonly keys: Record<string, string>,
  ) {}

  static async boot(listen = false): Promise<ReadSideDriver> {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    const booted = await bootApp({ dataDir, listen });
    // bootApp keeps a passed data folder; this driver owns it and removes it on close.
    const close = async () => {
      await booted.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    return new ReadSideDriver({ ...booted, close }, keys);
  }

  /** The app on a data folder the caller owns (kept on close), e.g. to start it again on the same files. */
  static async bootOn(
    dataDir: string,
    keys: Record<string, string>,
    env: NodeJS.ProcessEnv = {},
  ): Promise<ReadSideDriver> {
    return new ReadSideDriver(await bootApp({ dataDir, env }), keys);
  }

  get app(): NestFastifyApplication {
    return this.booted.app;
  }

  close(): Promise<void> {
    return this.booted.close();
  }

  send(method: Method, url: string, role: string, payload?: object) {
    return this.app.inject({ method, url, payload, headers: bearer(this.keys[role]!) });
  }

  /** A command that must succeed; remembers its position for the next query. */
  async command(method: Method, url: string, role: string, payload?: object): Promise<Record<string, any>> {
    const res = await this.send(method, url, role, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    const body = res.json();
    // Some commands (a webhook registration) change configuration, not the log: no position.
    if (typeof body.position === 'number') this.position = Math.max(this.position, body.position);
    return body;
  }

  /**
   * A bulk import (NDJSON) that must refuse nothing. Its report counts records and names no
   * position, so the next query waits for the log's head, as an importing CRM would.
   */
  async importRecords(ndjson: string): Promise<Record<string, any>> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/imports',
      payload: ndjson,
      headers: { ...bearer(this.keys.admin!), 'content-type': 'application/x-ndjson' },
    });
    if (res.statusCode >= 300) throw new Error(`POST /imports: ${res.statusCode} ${res.body}`);
    this.position = Math.max(this.position, await this.app.get<EventStore>(EVENT_STORE).headPosition());
    return res.json();
  }

  /** A query that waits for the read models to include every command sent so far. */
  query(url: string, role: string, method: Method = 'GET', payload?: object) {
    return this.app.inject({
      method,
      url,
      payload,
      headers: { ...bearer(this.keys[role]!), 'x-min-position': String(this.position) },
    });
  }

  async defineTopic(id: string, legalBasis = 'consent', allowedChannels = ['email', 'sms']): Promise<void> {
    await this.command('POST', '/topics', 'admin', {
      id,
      title: id,
      description: `About ${id}`,
      allowedChannels,
      legalBasis,
      personalFields: [],
      retentionDays: 365,
    });
    await this.command('POST', `/topics/${id}/versions`, 'dpo', {
      text: `Yes to ${id}`,
      language: 'en',
      change: 'material',
    });
  }

  async register(
    contactPoints: Array<{ channel: string; address: string }>,
    profile: Record<string, string> = {},
  ): Promise<string> {
    const body = await this.command('POST', '/subjects', 'crm', { locale: 'de-DE', contactPoints, profile });
    return body.subjectId as string;
  }

  async contactPointId(subjectId: string, channel = 'email'): Promise<string> {
    const profile = (await this.query(`/subjects/${subjectId}`, 'crm')).json();
    return profile.contactPoints.find((p: { channel: string }) => p.channel === channel).contactPointId;
  }

  grant(subjectId: string, topicId: string, channel = 'email', textVersion = 1) {
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion,
      affirmativeAction: true,
      ipAddress: '203.0.113.9',
    };
    return this.command('POST', `/subjects/${subjectId}/consents`, 'crm', { topicId, channel, evidence });
  }
}
