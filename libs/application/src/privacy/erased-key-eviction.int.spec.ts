import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERASED } from '#crypto';
import { subjectDecider, subjectStreamName, type SubjectCommand } from '#domain';
import { CommandExecutor } from '../commands/command-executor';
import { loadConfig, type Infrastructure, openInfrastructure, ErasedKeyEviction } from '#runtime';
import { SubjectCodec } from '../subjects/subject-codec';
import { SubjectEraser } from './subject-eraser';

const context = { actor: 'crm', now: '2026-11-25T10:00:00.000Z' };

/** Two processes on one data folder: A erases, B had the subject's key cached from reading its history. */
describe('a data key cached by another process when the subject is erased', () => {
  let dir: string;
  let a: Infrastructure;
  let b: Infrastructure;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'key-eviction-'));
    const open = () => openInfrastructure(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), () => undefined);
    a = await open();
    b = await open();
  });
  afterEach(async () => {
    for (const infra of [a, b])
      await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is dropped as soon as the erasure is in the log, so the history reads as erased there too', async () => {
    const eviction = new ErasedKeyEviction(b.eventStore, b.crypto);
    await eviction.onModuleInit();
    const subjectId = randomUUID();
    const stream = subjectStreamName(subjectId);
    const executor = new CommandExecutor(a.eventStore);
    const register = {
      type: 'RegisterSubject',
      data: {
        subjectId,
        locale: 'de-DE',
        contactPoints: [{ contactPointId: randomUUID(), channel: 'email', address: 'anna@example.org' }],
      },
      metadata: { now: context.now, channels: a.config.domain.channels, allowedProfileFields: [] },
    };
    await executor.execute({
      stream,
      decider: subjectDecider,
      command: register as unknown as SubjectCommand,
      codec: new SubjectCodec(a.crypto),
      context,
    });
    const readOnB = async () =>
      (await new SubjectCodec(b.crypto).decode(stream, await b.eventStore.readStream(stream)))[0]!.data.contactPoints;
    expect(await readOnB()).toMatchObject([{ address: 'anna@example.org' }]);

    const erased = await new SubjectEraser(
      executor,
      new SubjectCodec(a.crypto),
      a.crypto,
      a.config.domain.channels,
    ).erase(subjectId, { cause: 'controller' }, context);
    expect(erased.outcome).toBe('erased');
    for (let waited = 0; waited < 1_000 && JSON.stringify(await readOnB()).includes('anna@'); waited += 10)
      await sleep(10);
    expect(await readOnB()).toMatchObject([{ address: ERASED }]);
    await eviction.onModuleDestroy();
  });
});
