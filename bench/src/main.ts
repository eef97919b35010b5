/*
 * `npm run bench`: durable appends, reads, projection rebuild and HTTP figures, each beside its
 * limit and peer measured in the same run; prints one markdown table and writes results.json.
 */
import { loadavg } from 'node:os';
import { appendBench } from './append/append-bench';
import { importBench } from './import/import-bench';
import { describeMachine } from './machine';
import { parseOptions } from './options';
import { readBench } from './read/read-bench';
import { currentCommit, renderIntoMarkdown } from './render';
import { renderTable, writeResults, type Row } from './report';
import { scaleBench } from './scale-bench';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Raw better-sqlite3 appends of 100 callers' batches of 10 in one transaction: the embedded store's write limit. */
function batchedWriteLimit(rows: readonly Row[]): Row['reference'] {
  const row = rows.find((r) => r.figure.startsWith('batches of 10, 100 concurrent'));
  return row?.reference && { label: 'raw better-sqlite3 events/s, 1,000 per transaction', value: row.reference.value };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.render) return renderIntoMarkdown(options.output, options.markdown);
  const machine = describeMachine();
  const started = Date.now();
  log(
    `load average before: ${machine.loadAverage.join(' ')}; runs ${options.runs}, scales ${options.scales.join(', ')}`,
  );
  const rows: Row[] = [];
  if (options.only.has('append')) rows.push(...(await appendBench(options, log)));
  if (options.only.has('read')) rows.push(...(await readBench(options, log)));
  if (options.only.has('http') || options.only.has('read')) rows.push(...(await scaleBench(options, log)));
  if (options.only.has('import')) rows.push(...(await importBench(options, batchedWriteLimit(rows), log)));
  const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  const minutes = Math.round((Date.now() - started) / 600) / 100;
  writeResults(options.output, machine, rows, {
    loadAverageAfter: loadAfter,
    minutes,
    commit: currentCommit(),
    options: { ...options, only: [...options.only] },
  });
  process.stdout.write(`${renderTable(rows)}\n\n`);
  process.stdout.write(
    `Machine: ${machine.nproc} x ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, disk ${machine.disk}\n`,
  );
  process.stdout.write(
    `Load average before ${machine.loadAverage.join(' ')}, after ${loadAfter.join(' ')}; ${minutes} min; medians of ${options.runs} runs\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(2);
});
