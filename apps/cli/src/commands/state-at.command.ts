import type { Command } from 'commander';
import { subjectStateAt } from '#application';
import { isJson, out, table, withEventStore } from './audit-cli';

/** `ledger state-at <subject> <time>`: the consent matrix as it was then, and what it rests on. */
export function register(program: Command): void {
  program
    .command('state-at <subject> <time>')
    .description('the consent matrix of a subject as it was at an ISO-8601 time, replayed from the log')
    .action(async (subject: string, time: string) => {
      const json = isJson(program);
      const state = await withEventStore(json, (store) =>
        subjectStateAt(store, subject, time, new Date().toISOString()),
      );
      if (json) return out(JSON.stringify(state));
      out(`subject ${state.subjectId} at ${state.at}: ${state.status}, ${state.eventsReplayed} events replayed`);
      if (state.consents.length === 0) return out('no consents recorded by then');
      const rows = state.consents.map((c) => [
        c.topicId,
        c.channel + (c.contactPointId ? `/${c.contactPointId}` : ''),
        c.status,
        c.grantedAt ?? '',
        c.restsOn.join(' '),
      ]);
      out(table([['topic', 'channel', 'status', 'granted at', 'rests on events'], ...rows]));
    });
}
