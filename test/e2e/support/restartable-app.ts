import { rmSync } from 'node:fs';
import type { Role } from '../../../apps/api/src/auth/roles';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './boot';

type Method = 'POST' | 'GET' | 'DELETE';

/** One data folder and one key per role across several starts of the app (restarts, changed settings). */
export class RestartableApp {
  readonly dataDir = tempDataDir();
  readonly keys = createRoleKeys(this.dataDir);
  private booted: BootedApp | undefined;

  async start(env: NodeJS.ProcessEnv = {}): Promise<void> {
    await this.stop();
    this.booted = await bootApp({ dataDir: this.dataDir, env });
  }

  async stop(): Promise<void> {
    await this.booted?.close();
    this.booted = undefined;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  send(method: Method, url: string, role: Role, payload?: object) {
    if (!this.booted) throw new Error(`${method} ${url}: the app is not started`);
    return this.booted.app.inject({ method, url, payload, headers: bearer(this.keys[role]) });
  }

  /** A checkbox consent to text version 1; answers the command's position. */
  async grant(subjectId: string, topicId: string, channel: string): Promise<number> {
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    const res = await this.send('POST', `/subjects/${subjectId}/consents`, 'crm', { topicId, channel, evidence });
    if (res.statusCode !== 200) throw new Error(`grant: ${res.statusCode} ${res.body}`);
    return res.json().position;
  }
}
