import type { Command } from 'commander';
import { describeReconcile, reconcileErasures } from '#application';
import { isJson, out } from './audit-cli';
import { withInfrastructure } from './privacy-cli';

/** `ledger reconcile`: after restoring a backup, destroys again every key of a subject the log says is erased. */
export function register(program: Command): void {
  program
    .command('reconcile')
    .description(
      'destroy again the data keys of subjects with SubjectErased in the log (run after restoring a key-vault backup)',
    )
    .action(async () => {
      const json = isJson(program);
      await withInfrastructure(json, async (infra) => {
        const report = await reconcileErasures(infra.eventStore, infra.crypto);
        out(json ? JSON.stringify(report) : describeReconcile(report));
      });
    });
}
