import { randomBytes } from 'node:crypto';
import { MasterKey } from '#crypto';
import { RequestKeys } from '#runtime';
import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  const keys = RequestKeys.fromMaster(MasterKey.fromBytes(randomBytes(32)));

  it('answers exactly as the keys do, however many texts come and go, and derives a repeat once', () => {
    let derived = 0;
    const ids = new RecentIds({
      uuid: (text) => (derived++, keys.uuid(text)),
      fingerprint: (text) => keys.fingerprint(text),
    });
    const texts = Array.from({ length: 100 }, (_, i) => `import:crm:C-${i % 70}`);
    for (const text of texts) expect(ids.uuid(text)).toBe(keys.uuid(text));
    expect(ids.fingerprint('x')).toBe(keys.fingerprint('x'));
    derived = 0;
    for (let i = 0; i < 4; i++) expect(ids.uuid('import:crm:C-1')).toBe(keys.uuid('import:crm:C-1'));
    expect(derived).toBe(1);
  });
});
