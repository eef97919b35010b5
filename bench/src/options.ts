/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Subject counts the scale-dependent figures are taken at. */
  scales: number[];
  /** Runs per figure; the median is reported. */
  runs: number;
  /** Seconds per measured run of an append figure. */
  seconds: number;
  /** Seconds per autocannon run. */
  httpSeconds: number;
  /** Which parts to run. */
  only: Set<Part>;
  /** Write a CPU profile of the api during the HTTP runs into this folder. */
  cpuProfDir?: string;
  output: string;
  /** Only write the recorded run from `output` into `markdown` (npm run bench:render). */
  render: boolean;
  markdown: string;
}

export type Part = 'append' | 'read' | 'http' | 'import';
const PARTS: readonly Part[] = ['append', 'read', 'http', 'import'];

const SCALES: Record<string, number[]> = {
  default: [10_000, 100_000],
  '1m': [10_000, 100_000, 1_000_000],
  small: [1_000],
};

function value(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return n;
}

export function parseOptions(args: readonly string[]): BenchOptions {
  const scale = value(args, 'scale') ?? 'default';
  const scales = SCALES[scale] ?? (/^\d+$/.test(scale) ? [Number(scale)] : undefined);
  if (!scales) throw new Error(`--scale must be default, 1m, small or a subject count, got "${scale}"`);
  const only = (value(args, 'only') ?? PARTS.join(',')).split(',');
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`--only takes ${PARTS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return {
    scales,
    runs: Math.round(positive(value(args, 'runs'), 5, 'runs')),
    seconds: positive(value(args, 'seconds'), 2, 'seconds'),
    httpSeconds: positive(value(args, 'http-seconds'), 4, 'http-seconds'),
    only: new Set(only as Part[]),
    cpuProfDir: value(args, 'cpu-prof'),
    output: value(args, 'output') ?? 'bench/results.json',
    render: args.includes('--render'),
    markdown: value(args, 'markdown') ?? 'BENCHMARKS.md',
  };
}
