import type { Command } from 'commander';
import { isJson, out } from './audit-cli';
import { retentionSweep, withInfrastructure } from './privacy-cli';

/**
 * `ledger retention [--dry-run] [--at <time>]`: who is due for erasure (lapsed retention, ended
 * holds) and why; without --dry-run the erasures are carried out (actor `cli`). Prints subject
 * ids (pseudonyms) and reasons only, never personal data.
 */
export function register(program: Command): void {
  program
    .command('retention')
    .description(
      'list (--dry-run) or carry out the erasures that are due: lapsed retention periods and ended legal holds',
    )
    .option('--dry-run', 'only list who would be erased and why')
    .option('--at <time>', 'judge as of this ISO-8601 time instead of now')
    .action(async (options: { dryRun?: boolean; at?: string }) => {
      const json = isJson(program);
      const now = options.at ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(now))) throw new Error('--at must be an ISO-8601 time');
      await withInfrastructure(json, async (infra) => {
        const sweep = retentionSweep(infra);
        const rows = options.dryRun
          ? (await sweep.plan(now)).map((c) => ({ ...c, outcome: 'would erase' }))
          : await sweep.run(now, 'cli');
        if (json) return out(JSON.stringify({ dryRun: Boolean(options.dryRun), at: now, subjects: rows }));
        for (const row of rows) out(`${row.subjectId}  ${row.outcome}  (${row.why}: ${row.reasons.join('; ')})`);
        out(`${rows.length} subject(s) ${options.dryRun ? 'would be erased' : 'handled'}`);
      });
    });
}
