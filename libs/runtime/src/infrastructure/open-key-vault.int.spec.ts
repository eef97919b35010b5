import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { openSubjectCrypto } from './open-key-vault';

describe('openSubjectCrypto', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-key-cache-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('holds at most KEY_CACHE_SIZE unwrapped keys (issue #20: memory sized to the working set)', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, KEY_CACHE_SIZE: '2' });
    const { vault, crypto } = await openSubjectCrypto(config, () => undefined);
    try {
      for (const subject of ['a', 'b', 'c'].map((c) => `00000000-0000-4000-8000-00000000000${c}`))
        await crypto.encrypt(subject, 'x');
      expect(crypto.keys.cachedCount).toBe(2);
    } finally {
      await vault.close();
    }
  });
});
