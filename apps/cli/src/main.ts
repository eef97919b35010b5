#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';

/**
 * `ledger`: the auditor's and operator's command line. Exit codes mean something:
 * 0 ok, 1 verification failed (or differences found), 2 usage or connection error.
 */
export function buildProgram(): Command {
  const program = new Command('ledger')
    .description('Privacy Ledger: verify, inspect and operate the consent ledger')
    .option('--json', 'machine-readable output for scripts')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`ledger: ${(error as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => process.exit(code));
}
