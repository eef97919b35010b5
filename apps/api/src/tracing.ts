import { startTracingForProgram } from '../../../libs/runtime/src/tracing/start-tracing';

// Imported first by main.ts, before anything loads http, Fastify or the MongoDB driver, so the
// instrumentations see them load. Nothing starts unless the OTEL_* variables ask for it.
startTracingForProgram('privacy-ledger');
