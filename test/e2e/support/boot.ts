import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, openInfrastructure } from '#runtime';
import { createApiKey } from '../../../apps/api/src/auth';
import { ROLES, type Role } from '../../../apps/api/src/auth/roles';
import { createApp } from '../../../apps/api/src/create-app';

export interface BootOptions {
  /** Environment for loadConfig; DATA_DIR and a silent LOG_LEVEL are filled in. */
  env?: NodeJS.ProcessEnv;
  extraModules?: Array<Type | DynamicModule>;
  /** An existing data folder (e.g. for a second start); otherwise a fresh temporary one. */
  dataDir?: string;
  /** Listen on 127.0.0.1 and an ephemeral port; app.inject works either way. */
  listen?: boolean;
}

export interface BootedApp {
  app: NestFastifyApplication;
  dataDir: string;
  close: () => Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
}

/** The real app on the embedded store, wired exactly as main.ts wires it. */
export async function bootApp(options: BootOptions = {}): Promise<BootedApp> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env, DATA_DIR: dataDir });
  const infra = await openInfrastructure(config, () => undefined);
  const app = await createApp(infra, { extraModules: options.extraModules });
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  const close = async () => {
    await app.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, dataDir, close };
}

/** One key per role in the data folder's key file; call before bootApp, keys are read at start. */
export function createRoleKeys(dataDir: string): Record<Role, string> {
  return Object.fromEntries(ROLES.map((role) => [role, createApiKey(dataDir, `e2e-${role}`, [role])])) as Record<
    Role,
    string
  >;
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
