import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const register = join(root, 'test', 'fixtures', 'swc-register.js');

/** A child process running a script of test/fixtures, with its stdout collected line by line. */
export interface Child {
  process: ChildProcess;
  lines: string[];
  stderr: string[];
  exited: Promise<number | null>;
  waitFor(what: string, check: (lines: string[]) => boolean, timeoutMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

export function spawnFixture(script: string, args: readonly string[]): Child {
  const proc = spawn(process.execPath, ['-r', register, join(root, 'test', 'fixtures', script), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(proc);
  const child: Child = {
    process: proc,
    lines: [],
    stderr: [],
    exited: undefined as never,
    waitFor: undefined as never,
  };
  let partial = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    child.lines.push(...parts);
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => child.stderr.push(chunk));
  child.exited = new Promise((resolve) => proc.on('exit', (code) => (running.delete(proc), resolve(code))));
  child.waitFor = (what, check, timeoutMs = 10_000) => waitForLines(child, what, check, timeoutMs);
  return child;
}

async function waitForLines(child: Child, what: string, check: (l: string[]) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check(child.lines)) {
    if (Date.now() > deadline || child.process.exitCode !== null) {
      throw new Error(`child never printed ${what}; stderr: ${child.stderr.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Kills every child still running; for afterEach, so a failed test leaves no process behind. */
export async function killAllChildren(): Promise<void> {
  const exits = [...running].map((proc) => new Promise((r) => (proc.once('exit', r), proc.kill('SIGKILL'))));
  await Promise.all(exits);
}
