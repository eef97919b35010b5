import {
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';

/** Every span of the ledger's own code comes from this tracer; a no-op until an SDK registers. */
export const tracer = trace.getTracer('privacy-ledger');

export interface SpanOptions {
  attributes?: Attributes;
  kind?: SpanKind;
  /** The parent (e.g. taken from an event's metadata); the active context otherwise. */
  parent?: Context;
  links?: Link[];
}

/**
 * Runs `work` inside an active span that ends when it settles. A failure sets the span's status to
 * error with the error's name only: messages may quote what a client sent.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const start = { attributes: options.attributes, kind: options.kind, links: options.links };
  const run = async (span: Span): Promise<T> => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
      throw error;
    } finally {
      span.end();
    }
  };
  return options.parent
    ? tracer.startActiveSpan(name, start, options.parent, run)
    : tracer.startActiveSpan(name, start, run);
}
