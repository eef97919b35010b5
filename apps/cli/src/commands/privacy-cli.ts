import { CommandExecutor, SubjectCodec, SubjectEraser, RetentionSweep } from '#application';
import { loadConfig, openInfrastructure, type Infrastructure } from '#runtime';

/** Shared by the privacy commands: the stores with the key vault, closed again afterwards. */
export async function withInfrastructure<T>(json: boolean, work: (infra: Infrastructure) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const infra = await openInfrastructure(config, (line) => json || process.stderr.write(`${line}\n`));
  try {
    return await work(infra);
  } finally {
    await infra.eventStore.close();
    await infra.keyVault.close();
    await infra.readStore?.close();
  }
}

/** The same sweep the api's scheduler runs, wired without Nest. */
export function retentionSweep(infra: Infrastructure): RetentionSweep {
  const executor = new CommandExecutor(infra.eventStore);
  const eraser = new SubjectEraser(
    executor,
    new SubjectCodec(infra.crypto),
    infra.crypto,
    infra.config.domain.channels,
  );
  return new RetentionSweep(infra.eventStore, executor, eraser, infra.crypto);
}
