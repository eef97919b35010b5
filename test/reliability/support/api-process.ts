import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const register = join(root, 'test', 'fixtures', 'swc-register.js');
const child = join(__dirname, 'api-child.ts');

/** The api running in a child process on a data folder. */
export interface ApiProcess {
  pid: number;
  baseUrl: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM and wait (graceful close). */
  stop(): Promise<void>;
  /** SIGKILL and wait: no shutdown hook runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
}

export interface StartApiOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Another server script printing `listening <port>` (the benchmark's bare Fastify route). */
  script?: string;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();

/** Starts the api child and resolves once it listens; rejects with its stderr if it dies first. */
export function startApi(options: StartApiOptions): Promise<ApiProcess> {
  const env = { ...process.env, LOG_LEVEL: 'silent', ...options.env, DATA_DIR: options.dataDir };
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', register, options.script ?? child], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => (running.delete(proc), resolve(code))),
  );
  const stderr: string[] = [];
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  return new Promise<ApiProcess>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not listen in time'), options.timeoutMs ?? 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`api child ${why}: ${stderr.join('').slice(-2000)}`));
    };
    void exited.then((code) => fail(`exited with ${code}`));
    let out = '';
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve(handle(proc, exited, Number(match[1])));
    });
  });
}

function handle(proc: ChildProcess, exited: Promise<number | null>, port: number): ApiProcess {
  const signal = async (name: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(name);
    await exited;
  };
  return {
    pid: proc.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    process: proc,
    exited,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}

/** For afterEach/afterAll: no child outlives a failed test. */
export async function killAllApis(): Promise<void> {
  await Promise.all([...running].map((proc) => new Promise((r) => (proc.once('exit', r), proc.kill('SIGKILL')))));
}
