import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, startApi } from './api-process';

/** Art. 8(1) allows 13 to 16: the real api refuses to start on any other age, in one line. */
describe('the age of digital consent at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-age-setting-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops with one line naming AGE_OF_DIGITAL_CONSENT_BY_COUNTRY for an age below 13', async () => {
    const api = startApi(cleanEnv({ DATA_DIR: dataDir, AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: 'AT:14,FR:12' }));
    expect(await api.exited).toBe(1);
    expect(api.stderr()).toBe(
      'privacy-ledger: cannot start: AGE_OF_DIGITAL_CONSENT_BY_COUNTRY: must be a list like "AT:14,FR:15" (ISO 3166-1 alpha-2 code, age 13 to 16), got "FR:12"\n',
    );
    expect(api.output()).toBe('');
  });
});
