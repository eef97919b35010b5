import type { Command } from 'commander';
import { subjectTimeline } from '#application';
import { isJson, out, table, withEventStore } from './audit-cli';

/** `ledger history <subject>`: the readable timeline; never personal data, so safe to print. */
export function register(program: Command): void {
  program
    .command('history <subject>')
    .description("a subject's recorded history as readable steps (no personal data)")
    .option('--lang <lang>', 'en or de', 'en')
    .action(async (subject: string, options: { lang: string }) => {
      if (options.lang !== 'en' && options.lang !== 'de')
        throw new Error(`--lang must be en or de, got "${options.lang}"`);
      const lang = options.lang;
      const json = isJson(program);
      const timeline = await withEventStore(json, (store) => subjectTimeline(store, subject));
      if (json) return out(JSON.stringify(timeline));
      const rows = timeline.map((e) => [
        e.recordedAt,
        String(e.revision),
        e.description[lang],
        e.textVersion?.textHash ? `text v${e.textVersion.version} sha256 ${e.textVersion.textHash.slice(0, 16)}…` : '',
      ]);
      out(table([['recorded at', 'rev', 'what happened', 'text'], ...rows]));
    });
}
