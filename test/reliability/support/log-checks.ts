import { ChainChecker, type ChainBreak } from '#audit';
import type { RecordedEvent } from '#event-store';

/** Event ids the api acknowledged (2xx answers), with the stream they were appended to. */
export interface Acknowledged {
  stream: string;
  ids: string[];
}

/** Ids acknowledged but missing, and ids present more than once in the whole log. */
export function acknowledgedOnce(
  log: readonly RecordedEvent[],
  acks: readonly Acknowledged[],
): { missing: string[]; duplicated: string[] } {
  const seen = new Map<string, RecordedEvent[]>();
  for (const event of log) seen.set(event.id, [...(seen.get(event.id) ?? []), event]);
  const missing = acks.flatMap((ack) => ack.ids.filter((id) => !seen.get(id)?.some((e) => e.stream === ack.stream)));
  const duplicated = [...seen].filter(([, events]) => events.length > 1).map(([id]) => id);
  return { missing, duplicated };
}

/** Every stream's revisions are contiguous from 0 and every hash links to its predecessor and matches its event. */
export function chainBreaks(log: readonly RecordedEvent[]): ChainBreak[] {
  const checker = new ChainChecker();
  return log.filter((e) => /^(subject|topic)-/.test(e.stream)).flatMap((event) => checker.check(event));
}
