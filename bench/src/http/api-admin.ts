import { readFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) of a process in MiB, read from /proc; undefined off Linux. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(/(\d+)/.exec(line)![1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export { headPosition, waitForProjections } from '../../../test/reliability/support/api-health';
