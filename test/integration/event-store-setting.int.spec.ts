import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, freePort, startApi } from './api-process';

/**
 * The real api with KurrentDB configured by the variable's former name: one warning line naming
 * the new one, and start-up errors name the variable the operator actually set.
 */
describe('the KurrentDB connection string at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-es-setting-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('still takes EVENTSTORE_CONNECTION_STRING, with one warning naming KURRENTDB_CONNECTION_STRING', async () => {
    const port = await freePort(); // nothing listens there: the start fails right after the warning
    const legacy = `kurrentdb://127.0.0.1:${port}?tls=false`;
    const api = startApi(
      cleanEnv({ DATA_DIR: dataDir, ADMIN_API_KEY: 'x'.repeat(32), EVENTSTORE_CONNECTION_STRING: legacy }),
    );
    expect(await api.exited).toBe(1);
    const warnings = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"level":40'));
    expect(warnings.map((line) => JSON.parse(line).msg)).toEqual([
      'EVENTSTORE_CONNECTION_STRING is deprecated: rename it to KURRENTDB_CONNECTION_STRING',
    ]);
    expect(api.stderr()).toBe(
      `privacy-ledger: cannot start: KurrentDB is unreachable or refused the connection (server unavailable) (EVENTSTORE_CONNECTION_STRING=${legacy})\n`,
    );
  });

  it('refuses two different connection strings in one line, showing neither', async () => {
    const env = {
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://admin:n3w-pw@new:2113',
      EVENTSTORE_CONNECTION_STRING: 'esdb://admin:0ld-pw@old:2113',
    };
    const api = startApi(cleanEnv({ DATA_DIR: dataDir, ...env }));
    expect(await api.exited).toBe(1);
    expect(api.stderr()).toBe(
      'privacy-ledger: cannot start: KURRENTDB_CONNECTION_STRING: differs from EVENTSTORE_CONNECTION_STRING (its former name); unset EVENTSTORE_CONNECTION_STRING\n',
    );
    expect(api.output()).toBe('');
  });
});
