import { benchEvents, type Appender } from './workload';

const STREAMS = 100;

/** One caller appending `batch` events at a time, round robin over 100 streams, for `seconds`. Events/s. */
export async function sequentialRate(appender: Appender, batch: number, seconds: number, tag: string): Promise<number> {
  const revisions = new Array<number>(STREAMS).fill(-1);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let events = 0;
  for (let i = 0; performance.now() < deadline; i++) {
    const s = i % STREAMS;
    await appender.append(`${tag}-${s}`, revisions[s]!, benchEvents(batch, i));
    revisions[s]! += batch;
    events += batch;
  }
  return events / ((performance.now() - started) / 1000);
}

/** `callers` concurrent callers, each appending to its own stream, for `seconds`. Events/s. */
export async function concurrentRate(
  appender: Appender,
  batch: number,
  seconds: number,
  tag: string,
  callers = 100,
): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let events = 0;
  if (appender.appendGroup) {
    const revisions = new Array<number>(callers).fill(-1);
    for (let round = 0; performance.now() < deadline; round++) {
      const appends = revisions.map((revision, c) => ({
        stream: `${tag}-${c}`,
        revision,
        events: benchEvents(batch, round),
      }));
      await appender.appendGroup(appends);
      revisions.forEach((_, c) => (revisions[c]! += batch));
      events += batch * callers;
    }
  } else {
    const caller = async (c: number) => {
      for (let revision = -1, round = 0; performance.now() < deadline; round++, revision += batch) {
        await appender.append(`${tag}-${c}`, revision, benchEvents(batch, round));
        events += batch;
      }
    };
    await Promise.all(Array.from({ length: callers }, (_, c) => caller(c)));
  }
  return events / ((performance.now() - started) / 1000);
}

/** Fires `callers` appends at once on fresh streams and reports how many failed, and the first error. */
export async function concurrentProbe(
  appender: Appender,
  callers: number,
  tag: string,
): Promise<{ failed: number; error?: string }> {
  const results = await Promise.allSettled(
    Array.from({ length: callers }, (_, c) => appender.append(`${tag}-${c}`, -1, benchEvents(1, c))),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const first = failures[0]?.reason as { code?: string; message?: string } | undefined;
  return {
    failed: failures.length,
    error: first ? `${first.code ?? ''} ${first.message ?? String(first)}`.trim().slice(0, 120) : undefined,
  };
}
