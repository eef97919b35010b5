import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Tracing } from './tracing-sdk';
import { traceExport } from './tracing-settings';

export type { Tracing } from './tracing-sdk';

/**
 * Starts tracing when the environment asks for it (or a processor is given); undefined when off.
 * The SDK and its instrumentations (about 35 MiB of RSS) are loaded only then: a process that does
 * not trace never pays for them. Settings are still checked first, so a bad one stops the start.
 */
export function startTracing(env: NodeJS.ProcessEnv, exportTo?: SpanProcessor): Tracing | undefined {
  if (!exportTo && traceExport(env).kind === 'off') return undefined;
  const { startSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  return startSdk(env, exportTo);
}

/**
 * SIGTERM flushes the buffered spans (OTEL_BSP_* bound how many). The process exits as it would
 * without tracing: by the signal again once no other handler (Nest's shutdown hooks) is left.
 */
export function flushOnSigterm(tracing: Tracing): void {
  const onSignal = (): void => {
    void tracing.shutdown().finally(() => {
      process.removeListener('SIGTERM', onSignal);
      if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
    });
  };
  process.on('SIGTERM', onSignal);
}

/** For a program's first import: starts tracing as configured, or stops the start with one line naming the setting. */
export function startTracingForProgram(program: string, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const tracing = startTracing(env);
    if (tracing) flushOnSigterm(tracing);
  } catch (error) {
    process.stderr.write(`${program}: cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
