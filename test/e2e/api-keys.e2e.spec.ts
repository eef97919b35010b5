import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashApiKey } from '../../apps/api/src/auth';
import { bearer, bootApp, tempDataDir } from './support/boot';
import { GuardedRoutesModule } from './support/test-routes';

/** Runs a start with stdout captured; the development key must appear there and nowhere else. */
async function captureStdout<T>(run: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { result: await run(), printed: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('API key sources', () => {
  const dataDir = tempDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a development admin key on the first embedded start, prints it once and stores only its hash', async () => {
    const first = await captureStdout(() => bootApp({ dataDir, extraModules: [GuardedRoutesModule] }));
    const key = /^ {4}(plk_\S+)$/m.exec(first.printed)?.[1];
    expect(first.printed).toContain('WARNING');
    expect(key).toBeDefined();
    const stored = readFileSync(join(dataDir, 'api-keys.json'), 'utf8');
    expect(stored).not.toContain(key!);
    expect(JSON.parse(stored)).toEqual([{ name: 'development-admin', roles: ['admin'], sha256: hashApiKey(key!) }]);
    expect(
      (await first.result.app.inject({ method: 'GET', url: '/e2e/refuse/conflict', headers: bearer(key!) })).statusCode,
    ).toBe(409);
    await first.result.close();

    const second = await captureStdout(() => bootApp({ dataDir, extraModules: [GuardedRoutesModule] }));
    expect(second.printed).not.toContain('plk_');
    expect(
      (await second.result.app.inject({ method: 'GET', url: '/e2e/refuse/conflict', headers: bearer(key!) }))
        .statusCode,
    ).toBe(409);
    await second.result.close();
  });

  it('accepts the keys of API_KEYS_FILE and ADMIN_API_KEY together, and generates nothing', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([{ name: 'crm-frontend', roles: ['crm'], sha256: hashApiKey('crm-clear-key') }]),
    );
    const admin = 'x'.repeat(40);
    const { result, printed } = await captureStdout(() =>
      bootApp({
        dataDir: dir,
        env: { API_KEYS_FILE: file, ADMIN_API_KEY: admin },
        extraModules: [GuardedRoutesModule],
      }),
    );
    const grant = (key: string) =>
      result.app.inject({ method: 'POST', url: '/e2e/grant', headers: bearer(key), payload: {} });
    expect((await grant('crm-clear-key')).statusCode).toBe(400);
    expect((await grant(admin)).statusCode).toBe(400);
    expect((await grant(hashApiKey('crm-clear-key'))).statusCode).toBe(401);
    expect(printed).not.toContain('plk_');
    await result.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [{ ADMIN_API_KEY: 'short' }, /^ADMIN_API_KEY: must be at least 24/],
    [{ API_KEYS_FILE: '/nonexistent/keys.json' }, /^API_KEYS_FILE: .*does not exist/],
  ])('refuses to start with %o, naming the setting', async (env, message) => {
    const dir = tempDataDir();
    await expect(bootApp({ dataDir: dir, env })).rejects.toThrow(message);
    rmSync(dir, { recursive: true, force: true });
  });
});
