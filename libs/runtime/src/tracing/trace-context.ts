import {
  context,
  createTraceState,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

/** Metadata keys of the W3C Trace Context (https://www.w3.org/TR/trace-context/) an event may carry. */
export const TRACEPARENT = 'traceparent';
export const TRACESTATE = 'tracestate';

/** version 00: trace id (32 hex), parent span id (16 hex), flags (2 hex); all-zero ids are invalid. */
const TRACEPARENT_FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The active span's `traceparent` (and `tracestate` when set), nothing else: no baggage, which
 * may carry anything a caller put in it. Empty when no span records (tracing off).
 */
export function activeTraceHeaders(active: Context = context.active()): Record<string, string> {
  const span = trace.getSpanContext(active);
  if (!span || !trace.isSpanContextValid(span)) return {};
  const flags = (span.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  const headers: Record<string, string> = { [TRACEPARENT]: `00-${span.traceId}-${span.spanId}-${flags}` };
  const state = span.traceState?.serialize();
  if (state) headers[TRACESTATE] = state;
  return headers;
}

/** The remote span context an event's metadata names, or undefined when it names none (or garbage). */
export function traceOf(metadata: Readonly<Record<string, unknown>>): SpanContext | undefined {
  const match = TRACEPARENT_FORMAT.exec(String(metadata[TRACEPARENT] ?? ''));
  if (!match) return undefined;
  const state = typeof metadata[TRACESTATE] === 'string' ? createTraceState(metadata[TRACESTATE]) : undefined;
  const span: SpanContext = {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: parseInt(match[3]!, 16),
    isRemote: true,
    ...(state ? { traceState: state } : {}),
  };
  return trace.isSpanContextValid(span) ? span : undefined;
}

/** A context whose parent is the given remote span (the root context when there is none). */
export function contextOf(span: SpanContext | undefined): Context {
  return span ? trace.setSpanContext(ROOT_CONTEXT, span) : ROOT_CONTEXT;
}
