import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const register = join(root, 'test', 'fixtures', 'swc-register.js');

export interface LedgerRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ledger` CLI in a child process on a data folder; resolves its exit code and output. */
export function ledger(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<LedgerRun> {
  return runMain('apps/cli/src/main.ts', args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
}

/** Runs one of the apps' entry points (TypeScript, compiled on the fly) until it exits by itself. */
export function runMain(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<LedgerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', register, join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`${script} ${args.join(' ')} timed out`))),
      25_000,
    );
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}
