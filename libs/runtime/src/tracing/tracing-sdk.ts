import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { RedactingSpanProcessor } from './redacting-processor';
import { traceExport } from './tracing-settings';

export interface Tracing {
  /** Ends and exports what is still buffered; safe to call more than once. */
  shutdown: () => Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK with `exportTo`, or the exporter the environment names (undefined: none).
 * Import this before anything that loads `http`, `fastify` or `mongodb`: instrumentations patch
 * modules as they load. KurrentDB's calls get spans from the command executor and the runners
 * (@kurrent/opentelemetry writes its own ids into event metadata after the hash chain sealed it).
 */
export function startSdk(env: NodeJS.ProcessEnv, exportTo?: SpanProcessor): Tracing | undefined {
  const processor = exportTo ?? processorFor(env);
  if (!processor) return undefined;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ? undefined : 'privacy-ledger',
    spanProcessors: [new RedactingSpanProcessor(processor)],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Health probes come every few seconds and tell nothing a trace should.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/health' }),
      // Spans for the request and its handler, named by the route pattern; none per hook (middie, rate limits).
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        recordExceptions: false,
        instrumentHooks: false,
      }),
      new MongoDBInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  let stopping: Promise<void> | undefined;
  return { shutdown: () => (stopping ??= sdk.shutdown()) };
}

function processorFor(env: NodeJS.ProcessEnv): SpanProcessor | undefined {
  const chosen = traceExport(env);
  if (chosen.kind === 'off') return undefined;
  if (chosen.kind === 'console') return new SimpleSpanProcessor(new ConsoleSpanExporter());
  return new BatchSpanProcessor(new OTLPTraceExporter());
}
