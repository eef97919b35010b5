import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const out = join(root, 'test-output', 'compiled-event-store');

/**
 * Tests run the TypeScript sources; `npm start` and the Docker image run the compiled files. The
 * writer thread is the one place that loads a file by path at run time, so the compiled event
 * store is built here (tsc, as `npm run build` does) and a large batch is appended through it.
 */
describe('the compiled SQLite event store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'compiled-es-'));
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const config = join(out, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, 'tsconfig.build.json'),
        compilerOptions: { outDir: out, rootDir: root, sourceMap: false },
        include: [join(root, 'libs/event-store/src')],
        exclude: [join(root, '**/*.spec.ts')],
      }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], {
      cwd: root,
      stdio: 'pipe',
    });
    // The compiled files resolve `#sqlite` through the nearest package.json, as dist/ does through the root one.
    writeFileSync(join(out, 'package.json'), JSON.stringify({ imports: { '#sqlite': './libs/sqlite/src/index.js' } }));
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('commits a large batch on its writer thread from the compiled files', () => {
    const script = `
      const { SqliteEventStore } = require(${JSON.stringify(join(out, 'libs/event-store/src/sqlite'))});
      (async () => {
        const store = new SqliteEventStore(${JSON.stringify(join(dataDir, 'events.sqlite'))});
        const events = Array.from({ length: 1000 }, (_, i) => ({ type: 'E', data: { i } }));
        const result = await store.appendToStream('big', events, 'no_stream');
        const health = await store.health();
        const thread = store.writer.worker !== undefined;
        await store.close();
        process.stdout.write(JSON.stringify({ result, thread, detail: health.detail }));
      })().catch((error) => { process.stderr.write(String(error.stack)); process.exit(1); });`;
    const printed = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
    expect(printed).toMatchObject({ result: { nextExpectedRevision: 999, position: 1000 }, thread: true });
    expect(printed.detail).not.toContain('writer thread');
  });
});
