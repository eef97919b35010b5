import { context, propagation, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { batchTrace } from './batch-trace';
import { activeTraceHeaders, TRACEPARENT, traceOf } from './trace-context';

const span = (n: number): SpanContext => ({
  traceId: `${n}`.padStart(32, 'a'),
  spanId: `${n}`.padStart(16, 'b'),
  traceFlags: TraceFlags.SAMPLED,
});
const metadataOf = (s: SpanContext) => activeTraceHeaders(trace.setSpanContext(context.active(), s));

describe('trace context in event metadata', () => {
  it('carries the W3C traceparent of the active span and reads it back', () => {
    const headers = metadataOf(span(1));
    expect(headers).toEqual({ [TRACEPARENT]: `00-${span(1).traceId}-${span(1).spanId}-01` });
    expect(traceOf(headers)).toMatchObject({
      traceId: span(1).traceId,
      spanId: span(1).spanId,
      traceFlags: 1,
      isRemote: true,
    });
  });

  it('carries nothing when no span records, and never baggage', () => {
    expect(activeTraceHeaders()).toEqual({});
    const withBaggage = propagation.setBaggage(
      trace.setSpanContext(context.active(), span(2)),
      propagation.createBaggage({ email: { value: 'a@b.example' } }),
    );
    expect(Object.keys(activeTraceHeaders(withBaggage))).toEqual([TRACEPARENT]);
  });

  it('ignores metadata without a valid traceparent', () => {
    expect(traceOf({})).toBeUndefined();
    expect(traceOf({ [TRACEPARENT]: 'garbage' })).toBeUndefined();
    expect(traceOf({ [TRACEPARENT]: `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01` })).toBeUndefined();
  });

  it('parents a batch to its first traced event and links the others once each', () => {
    const events = [
      { metadata: {} },
      { metadata: metadataOf(span(1)) },
      { metadata: metadataOf(span(2)) },
      { metadata: metadataOf(span(2)) },
    ];
    const { parent, links } = batchTrace(events);
    expect(trace.getSpanContext(parent)?.spanId).toBe(span(1).spanId);
    expect(links.map((l) => l.context.spanId)).toEqual([span(2).spanId]);
    expect(trace.getSpanContext(batchTrace([{ metadata: {} }]).parent)).toBeUndefined();
  });
});
