import type { Command } from 'commander';
import { register as registerRebuild } from './rebuild.command';

/**
 * Each command lives in its own file exporting `register(program)`; add it to this list.
 * Commands open the stores through `openInfrastructure` (see libs/application), so they work
 * against the embedded files and against EventStoreDB/MongoDB alike.
 */
const commands: Array<(program: Command) => void> = [
  registerRebuild,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
