import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { allAnchors, latestAnchors } from '#application';
import type { EventStore } from '#event-store';
import { isJson, out, table, withEventStore } from './audit-cli';

/** One JSON line per anchor, oldest first: keep the file outside the system to compare later. */
async function exportTo(store: EventStore, file: string): Promise<number> {
  const stream = createWriteStream(file, { flags: 'wx', mode: 0o644 });
  let count = 0;
  for await (const anchor of allAnchors(store)) {
    if (!stream.write(`${JSON.stringify(anchor)}\n`)) await once(stream, 'drain');
    count++;
  }
  stream.end();
  await once(stream, 'finish');
  return count;
}

function limitOf(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--limit must be a whole number of at least 1, got "${raw}"`);
  return value;
}

export function register(program: Command): void {
  program
    .command('checkpoints')
    .description('list the latest signed checkpoints, or export all of them as JSON lines')
    .option('--export <file>', 'write every checkpoint to a new file, one JSON object a line')
    .option('--limit <n>', 'how many to list, newest first', '20')
    .action(async (options: { export?: string; limit: string }) => {
      const json = isJson(program);
      const limit = limitOf(options.limit);
      await withEventStore(json, async (store) => {
        if (options.export) {
          const count = await exportTo(store, options.export);
          return out(
            json
              ? JSON.stringify({ exported: count, file: options.export })
              : `exported ${count} checkpoints to ${options.export}`,
          );
        }
        const anchors = await latestAnchors(store, limit);
        if (json) return out(JSON.stringify(anchors));
        const rows = anchors.map((a) => [
          String(a.revision),
          String(a.checkpoint.position),
          String(a.checkpoint.logSize),
          a.checkpoint.time,
          a.checkpoint.merkleRoot,
        ]);
        out(
          anchors.length === 0
            ? 'no checkpoints yet'
            : table([['revision', 'position', 'logSize', 'time', 'merkleRoot'], ...rows]),
        );
      });
    });
}
