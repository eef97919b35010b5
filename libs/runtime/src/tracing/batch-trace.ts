import type { Context, Link } from '@opentelemetry/api';
import { contextOf, traceOf } from './trace-context';

/** Spans keep at most this many links (the SDK's default OTEL_SPAN_LINK_COUNT_LIMIT). */
const MAX_LINKS = 128;

/**
 * Where a span over a batch of events belongs: the trace of the first event's command as its
 * parent, the other commands' traces as links (OpenTelemetry's messaging conventions for batches),
 * so each command's trace reaches the commit that made it visible. A batch of untraced events starts
 * its own trace.
 */
export function batchTrace(events: ReadonlyArray<{ metadata: Readonly<Record<string, unknown>> }>): {
  parent: Context;
  links: Link[];
} {
  const traces = events.map((e) => traceOf(e.metadata)).filter((span) => span !== undefined);
  const [first, ...others] = traces;
  const seen = new Set(first ? [first.spanId] : []);
  const links: Link[] = [];
  for (const context of others) {
    if (links.length >= MAX_LINKS || seen.has(context.spanId)) continue;
    seen.add(context.spanId);
    links.push({ context });
  }
  return { parent: contextOf(first), links };
}
