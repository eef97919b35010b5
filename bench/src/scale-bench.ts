import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openInfrastructure } from '#runtime';
import { httpBench, type HttpFigures } from './http/http-bench';
import type { LoadResult } from './http/load';
import type { BenchOptions } from './options';
import type { Row } from './report';
import { rebuildAll, type RebuildFigure } from './seed/rebuild-figure';
import { seed, type Seeded } from './seed/seed';
import { median, repeat } from './stats';

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const med = (runs: LoadResult[], pick: (r: LoadResult) => number) => median(runs.map(pick));

function rebuildRow(scale: string, events: number, figures: RebuildFigure[]): Row {
  const rate = median(figures.map((f) => f.eventsPerSecond));
  return {
    section: `scale ${scale}`,
    figure: `projection rebuild, every read model (${events.toLocaleString('en-US')} log events)`,
    unit: 'log events/s',
    ours: rate,
    reference: { label: 'raw read + JSON.parse of the log', value: median(figures.map((f) => f.rawReadPerSecond)) },
    target: '>= 100,000 ev/s',
    met: rate >= 100_000,
    note: `${figures.length} run(s); one read of the log feeds ${figures[0]!.models} models; wall time, each event counted once`,
    samples: figures.map((f) => f.eventsPerSecond),
  };
}

function httpRows(scale: string, h: HttpFigures): Row[] {
  const section = `scale ${scale}`;
  const bare = { label: 'bare Fastify route', value: med(h.bareFastify, (r) => r.rps) };
  const grantRps = med(h.grant, (r) => r.rps),
    grantP99 = med(h.grant, (r) => r.p99);
  const checkRps = med(h.contactability, (r) => r.rps),
    checkP99 = med(h.contactability, (r) => r.p99);
  const failures = (runs: LoadResult[]) => runs.reduce((s, r) => s + r.failed, 0);
  const exportP50 = median(h.exportMs.p50),
    exportP99 = median(h.exportMs.p99);
  return [
    {
      section,
      figure: 'HTTP grant consent (encrypt, hash chain, durable append)',
      unit: 'req/s',
      ours: grantRps,
      reference: bare,
      target: '>= 5,000 req/s, p99 <= 25 ms',
      met: grantRps >= 5000 && grantP99 <= 25,
      note: `p50 ${med(h.grant, (r) => r.p50)} ms, p99 ${grantP99} ms; api CPU ${h.grantCpuMs?.toFixed(2)} ms/request; ${h.eventsPerGrant.toFixed(2)} events appended per 2xx; ${failures(h.grant)} non-2xx/errors`,
      samples: h.grant.map((r) => r.rps),
    },
    {
      section,
      figure: 'HTTP contactability check',
      unit: 'req/s',
      ours: checkRps,
      reference: bare,
      target: '>= 60% of bare Fastify, p99 <= 5 ms',
      met: checkRps >= 0.6 * bare.value && checkP99 <= 5,
      note: `${Math.round((checkRps / bare.value) * 100)}% of bare; p50 ${med(h.contactability, (r) => r.p50)} ms, p99 ${checkP99} ms (bare p99 ${med(h.bareFastify, (r) => r.p99)} ms); api CPU ${h.checkCpuMs?.toFixed(2)} ms/request; ${failures(h.contactability)} non-2xx/errors`,
      samples: h.contactability.map((r) => r.rps),
    },
    {
      section,
      figure: 'HTTP export of a subject with 1,000 events (median)',
      unit: 'ms',
      ours: exportP50,
      target: '<= 50 ms',
      met: exportP50 <= 50,
      note: `p99 ${exportP99.toFixed(1)} ms (20 sequential exports a run; each records SubjectExported)`,
      samples: h.exportMs.p50,
    },
    { section, figure: 'peak RSS of the api (VmHWM) over the HTTP runs', unit: 'MiB', ours: h.peakRssMiB ?? null },
  ];
}

/** Seeds a data folder per scale, rebuilds the read models on it, then drives the api over HTTP. */
async function oneScale(count: number, options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const scale = label(count);
  const dataDir = mkdtempSync(join(tmpdir(), `ledger-bench-${scale}-`));
  try {
    const infra = await openInfrastructure(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }), () => undefined);
    let seeded: Seeded, rebuilds: RebuildFigure[], seedRate: number;
    try {
      log(`scale ${scale}: seeding ${count} subjects through the command handlers`);
      const started = performance.now();
      seeded = await seed(infra, count, log);
      seedRate = seeded.events / ((performance.now() - started) / 1000);
      log(`scale ${scale}: rebuilding the read models`);
      // A rebuild at 100k subjects takes tens of seconds; there one run keeps the default run short.
      rebuilds = await repeat(count >= 100_000 ? 1 : Math.min(options.runs, 3), () => rebuildAll(infra));
    } finally {
      await infra.eventStore.close();
      await infra.readStore.close();
      await infra.keyVault.close();
    }
    const rows: Row[] = [
      {
        section: `scale ${scale}`,
        figure: 'seeding through the command handlers, 200 at a time',
        unit: 'events/s',
        ours: seedRate,
        note: `${seeded.events.toLocaleString('en-US')} events`,
      },
      rebuildRow(scale, seeded.events, rebuilds),
    ];
    if (options.only.has('http')) {
      const http = await httpBench(
        dataDir,
        seeded,
        { runs: options.runs, seconds: options.httpSeconds, connections: 32, cpuProfDir: options.cpuProfDir },
        log,
      );
      rows.push(...httpRows(scale, http));
    }
    return rows;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function scaleBench(options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const count of options.scales) rows.push(...(await oneScale(count, options, log)));
  return rows;
}
