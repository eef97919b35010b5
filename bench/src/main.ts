/*
 * `npm run bench`: durable appends, reads, projection rebuild and HTTP figures, each beside its
 * limit and peer measured in the same run; prints one markdown table and writes results.json.
 */
import { loadavg } from 'node:os';
import { appendBench } from './append/append-bench';
import { describeMachine } from './machine';
import { parseOptions } from './options';
import { readBench } from './read/read-bench';
import { currentCommit, renderIntoMarkdown } from './render';
import { renderTable, writeResults, type Row } from './report';
import { scaleBench } from './scale-bench';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

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
