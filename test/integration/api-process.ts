import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const register = join(root, 'test', 'fixtures', 'swc-register.js');
const main = join(root, 'apps', 'api', 'src', 'main.ts');

/** util-linux `script` gives the child a pseudo-terminal, as a person's shell does (node-pty is not a dependency). */
export const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

export interface ApiProcess {
  /** stdout so far (with stderr under a terminal, which merges them), without colours or carriage returns. */
  output(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** SIGTERM to the process group this test started, so that `script` and its node child both end. */
  stop(): void;
}

/** The real api (apps/api/src/main.ts), its stdout a pipe or, with `tty`, a terminal. */
export function startApi(env: NodeJS.ProcessEnv, options: { tty?: boolean } = {}): ApiProcess {
  const command = [process.execPath, '-r', register, main];
  const [file, args] = options.tty
    ? ['script', ['-qefc', command.map((part) => `'${part}'`).join(' '), '/dev/null']]
    : [process.execPath, command.slice(1)];
  const child = spawn(file, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    output: () => stdout.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, ''),
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** A loopback port that was free a moment ago (listen), or that nothing listens on (connect). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment of a person's shell, minus the store settings a developer may have exported. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const {
    KURRENTDB_CONNECTION_STRING: _k,
    EVENTSTORE_CONNECTION_STRING: _e,
    MONGODB_URI: _u,
    LOG_FORMAT: _f,
    MASTER_KEY: _m,
    ...env
  } = process.env;
  return { ...env, HOST: '127.0.0.1', ...extra };
}
