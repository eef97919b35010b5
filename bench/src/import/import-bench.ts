/*
 * The bulk-import row (issue 20 item 6): `bench/import.bench.ts` imports a generated NDJSON file of
 * as many records as the scale has subjects, in a child process of its own so its peak RSS is the
 * import's alone, through the same path as `ledger import`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BenchOptions } from '../options';
import type { Row } from '../report';
import { median, repeat } from '../stats';

interface ImportRun {
  records: number;
  imported: number;
  duplicates: number;
  refused: number;
  recordsPerSecond: number;
  peakRssMiB: number;
}

const root = join(__dirname, '..', '..', '..');

function importOnce(records: number): Promise<ImportRun> {
  const args = ['-r', join(root, 'test', 'fixtures', 'swc-register.js'), join(root, 'bench', 'import.bench.ts')];
  const child = spawn(process.execPath, [...args, '--records', String(records), '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import bench exited with ${code}`));
      resolve((JSON.parse(out) as { runs: ImportRun[] }).runs[0]!);
    });
  });
}

/** The import's rate beside the embedded write limit of the same run, when the append part ran. */
export async function importBench(
  options: BenchOptions,
  writeLimit: Row['reference'] | undefined,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const records of options.scales) {
    const label = records.toLocaleString('en-US');
    log(`import: ${label} records`);
    // 1,000,000 records take about 90 s: one run at 100k and above, as for the rebuild.
    const runs = await repeat(records >= 100_000 ? 1 : Math.min(options.runs, 3), () => importOnce(records));
    const rate = median(runs.map((r) => r.recordsPerSecond));
    const last = runs[runs.length - 1]!;
    rows.push({
      section: 'import',
      figure: `bulk import of ${label} NDJSON records (the ledger import path, fresh stores)`,
      unit: 'records/s',
      ours: rate,
      reference: writeLimit,
      target: '>= 10,000 records/s at 1M records',
      met: rate >= 10_000,
      note: `${runs.length} run(s); ${last.imported.toLocaleString('en-US')} imported, ${last.duplicates} duplicates, ${last.refused} refused; peak RSS ${Math.max(...runs.map((r) => r.peakRssMiB))} MiB`,
      samples: runs.map((r) => r.recordsPerSecond),
    });
  }
  return rows;
}
