import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Attributes that name shapes, never people: methods, status codes, route patterns, servers,
 * database and collection names, the ledger's own counts and positions. Everything else the
 * instrumentations record (url.path and url.query with ids and e-mail addresses, client
 * addresses, user agents, full URLs of webhook targets, query texts) is dropped: an IP address
 * is personal data too (CJEU C-582/14, Breyer), and Art. 25 wants the default to collect none.
 */
const ALLOWED = [
  /^http\.(request\.method|method|response\.status_code|status_code|route|flavor)$/,
  /^(url\.scheme|server\.address|server\.port|net\.peer\.name|net\.peer\.port|network\.protocol\.\w+|error\.type)$/,
  /^db\.(system(\.name)?|name|namespace|operation(\.name)?|collection\.name|mongodb\.collection)$/,
  /^(fastify|hook|ledger)\./,
  /^service\.name$/,
];

export function allowedAttribute(key: string): boolean {
  return ALLOWED.some((pattern) => pattern.test(key));
}

/** The span as exporters see it: allowed attributes only; events keep their names and lose theirs (exception messages quote input). */
function redacted(span: ReadableSpan): ReadableSpan {
  const attributes = Object.fromEntries(Object.entries(span.attributes).filter(([key]) => allowedAttribute(key)));
  const events = span.events.map((event) => ({ ...event, attributes: {} }));
  const status = { code: span.status.code };
  return Object.create(span, {
    attributes: { value: attributes },
    events: { value: events },
    status: { value: status },
  }) as ReadableSpan;
}

/** Wraps the exporting processor so nothing reaches a collector before it is redacted. */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.inner.onEnd(redacted(span));
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
