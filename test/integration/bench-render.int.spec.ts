import { renderRecordedRun, replaceBetweenMarkers, TABLE_END, TABLE_START, type Results } from '../../bench/src/render';

const results: Results = {
  machine: {
    nproc: 2,
    cpuModel: 'AMD EPYC',
    memoryGiB: 23.5,
    node: 'v20.20.2',
    disk: '/dev/vda ext4 252G',
    loadAverage: [0.31, 0.5, 0.62],
    time: '2026-12-05T06:00:00.000Z',
  },
  rows: [
    {
      section: 'scale 10k',
      figure: 'projection rebuild, every read model (21,040 log events)',
      unit: 'log events/s',
      ours: 41_234.5,
      reference: { label: 'raw read + JSON.parse of the log', value: 250_000 },
      target: '>= 100,000 ev/s',
      met: false,
    },
  ],
  loadAverageAfter: [1.9, 1.2, 0.8],
  minutes: 31.5,
  commit: 'abc1234',
  options: { runs: 5, scales: [10_000, 100_000, 1_000_000], only: ['append', 'read', 'http'] },
};

describe('bench:render (BENCHMARKS.md from bench/results.json)', () => {
  it('states when, where and under which load the run was taken, then its table', () => {
    const text = renderRecordedRun(results);
    expect(text).toContain('at commit abc1234');
    expect(text).toContain('before **0.31 0.5 0.62**, after **1.9 1.2 0.8**');
    expect(text).toContain('10,000, 100,000, 1,000,000 subjects; medians of 5 runs');
    expect(text).toContain(
      '| scale 10k | projection rebuild, every read model (21,040 log events) | 41,235 log events/s |',
    );
    expect(text).toContain('| **missed** |');
  });

  it('replaces only what stands between the markers', () => {
    const page = `# Benchmarks\n\nprose before\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nprose after\n`;
    const next = replaceBetweenMarkers(page, 'new table');
    expect(next).toBe(`# Benchmarks\n\nprose before\n\n${TABLE_START}\nnew table\n${TABLE_END}\n\nprose after\n`);
    expect(replaceBetweenMarkers(next, 'newer')).toContain(`${TABLE_START}\nnewer\n${TABLE_END}`);
  });

  it('refuses a page without the markers instead of writing somewhere else', () => {
    expect(() => replaceBetweenMarkers('# Benchmarks\n', 'table')).toThrow(/markers/);
  });
});
