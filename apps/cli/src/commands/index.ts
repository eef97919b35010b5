import type { Command } from 'commander';

/**
 * Each command lives in its own file exporting `register(program)`; add it to this list.
 * Commands open the stores through `openInfrastructure` (see libs/application), so they work
 * against the embedded files and against EventStoreDB/MongoDB alike.
 */
const commands: Array<(program: Command) => void> = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
