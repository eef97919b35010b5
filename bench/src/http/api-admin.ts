import { readFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) of a process in MiB, read from /proc; undefined off Linux. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Number(/(\d+)/.exec(line)![1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export { headPosition, waitForProjections } from '../../../test/reliability/support/api-health';

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined off Linux. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime), counted from the state field at index 0 here.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
