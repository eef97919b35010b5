/*
 * The projection thread: runs every read model's runner on its own connections to the stores, so
 * folding, blind indexes and read-store commits never hold the api's event loop. Started by
 * ProjectionThreadHost; reports checkpoints as they move (read-your-writes waits on them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READ_MODELS } from '#projections';
import { ErasedKeyEviction, openInfrastructure, startTracing, type Infrastructure, type Tracing } from '#runtime';
import { ProjectionEngine, type ProgressObserver } from '../projection-engine';
import { errorLabel, type RunnerStatus } from '../runner-status';
import type { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './projection-thread-wire';

/** Often enough for health to show a caught-up or failing runner promptly; sent only on change. */
const STATUS_MS = 200;

const port = parentPort!;
const data = workerData as ProjectionThreadData;
const post = (message: FromProjectionThread) => port.postMessage(message);

function report(engine: ProjectionEngine): () => void {
  let last = '';
  const send = () => {
    const runners = engine.runners.map((r) => r.status);
    const text = JSON.stringify(runners);
    if (text !== last) post({ type: 'status', runners });
    last = text;
  };
  const timer = setInterval(send, STATUS_MS);
  return () => clearInterval(timer);
}

/** Reports a move after the runner's synchronous step that follows it (e.g. the state it enters). */
function observer(statuses: () => RunnerStatus[]): ProgressObserver {
  const moved = (kind: 'committed' | 'resumed') => (name: string, checkpoint: number) =>
    queueMicrotask(() => post({ type: 'moved', kind, name, checkpoint, runners: statuses() }));
  return { committed: moved('committed'), resumed: moved('resumed') };
}

async function close(
  infra: Infrastructure,
  engine: ProjectionEngine,
  eviction: ErasedKeyEviction,
  tracing: Tracing | undefined,
): Promise<void> {
  await engine.stop();
  await eviction.onModuleDestroy();
  await infra.eventStore.close();
  await infra.keyVault.close();
  await infra.readStore.close();
  await tracing?.shutdown();
}

async function main(): Promise<void> {
  // A thread has its own OpenTelemetry globals: the runners' spans are exported from here, as the
  // api's OTEL_* settings say (the api checked them at its start), each in its command's trace.
  const tracing = startTracing(process.env);
  // The api has opened the stores (and logged how) before it starts this thread.
  const infra = await openInfrastructure(data.config, () => undefined);
  // This thread decrypts too: it drops a key as soon as any process erases its subject.
  const eviction = new ErasedKeyEviction(infra.eventStore, infra.crypto);
  await eviction.onModuleInit();
  const models = READ_MODELS.filter((m) => data.models.includes(m.name));
  const log = (level: 'info' | 'warn') => (line: string) => post({ type: 'log', level, line });
  const statuses = () => engine.runners.map((r) => r.status);
  const engine: ProjectionEngine = new ProjectionEngine(
    infra,
    models,
    true,
    log('info'),
    log('warn'),
    observer(statuses),
  );
  port.on('message', (message: ToProjectionThread) => {
    if (message.type !== 'stop') return;
    stopReports();
    void close(infra, engine, eviction, tracing).finally(() => {
      post({ type: 'stopped' });
      port.close();
    });
  });
  const stopReports = report(engine);
  await engine.start();
  post({ type: 'checked' });
}

main().catch((error: unknown) => {
  post({ type: 'failed', error: errorLabel(error) });
  port.close();
});
