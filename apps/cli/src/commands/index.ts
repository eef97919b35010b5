import type { Command } from 'commander';
import { register as registerRebuild } from './rebuild.command';
import { register as registerImport } from './import.command';
import { register as registerVerify } from './verify.command';
import { register as registerCheckpoints } from './checkpoints.command';
import { register as registerHistory } from './history.command';
import { register as registerStateAt } from './state-at.command';
import { register as registerVerifyReceipt } from './verify-receipt.command';
import { register as registerRetention } from './retention.command';
import { register as registerReconcile } from './reconcile.command';
import { register as registerRotateMasterKey } from './rotate-master-key.command';

/**
 * Each command lives in its own file exporting `register(program)`; add it to this list.
 * Commands open the stores through `openInfrastructure` (see libs/runtime), so they work
 * against the embedded files and against KurrentDB/MongoDB alike.
 */
const commands: Array<(program: Command) => void> = [
  registerRebuild,
  registerImport,
  registerVerify,
  registerCheckpoints,
  registerHistory,
  registerStateAt,
  registerVerifyReceipt,
  registerRetention,
  registerReconcile,
  registerRotateMasterKey,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
