import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey } from '#crypto';
import { SqliteReadStore } from '#read-store';
import { JourneyKeys } from '#runtime';
import { SignInTokens } from './sign-in-tokens';

const keys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 7)));
const subjectId = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';
const contactPointId = '0b7c2d8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';

/** Two api processes on one operational store (scale-out): a sign-in link still opens one session. */
describe('SignInTokens across processes (sqlite)', () => {
  let dir: string;
  let stores: SqliteReadStore[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sign-in-tokens-'));
    const file = join(dir, 'read.sqlite');
    stores = [await SqliteReadStore.open(file), await SqliteReadStore.open(file)];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redeems a link once when two processes redeem it at the same moment', async () => {
    const [first, second] = stores.map((store) => new SignInTokens(store, keys));
    const now = new Date();
    for (let round = 0; round < 5; round++) {
      const { token } = await first!.issue(subjectId, contactPointId, now);
      const outcomes = await Promise.allSettled([first!.redeem(token, now), second!.redeem(token, now)]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
        reason: { code: 'PRIVACY_CENTER.LINK_USED' },
      });
    }
  });
});
