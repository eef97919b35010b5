import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  disk: string;
  loadAverage: number[];
  time: string;
}

function disk(): string {
  try {
    return execFileSync('df', ['-h', '--output=source,fstype,size', '.'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!
      .replace(/\s+/g, ' ');
  } catch {
    return 'unknown';
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

export function describeMachine(): MachineInfo {
  return {
    nproc: cpus().length,
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    disk: disk(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    time: new Date().toISOString(),
  };
}
