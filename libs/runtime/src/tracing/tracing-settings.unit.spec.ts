import { traceExport } from './tracing-settings';

describe('traceExport', () => {
  it('is off unless an OTLP endpoint or an exporter is named', () => {
    expect(traceExport({})).toEqual({ kind: 'off' });
    expect(traceExport({ OTEL_SERVICE_NAME: 'ledger' })).toEqual({ kind: 'off' });
  });

  it('exports over OTLP when an endpoint is set', () => {
    expect(traceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ kind: 'otlp' });
    expect(traceExport({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toEqual({
      kind: 'otlp',
    });
  });

  it('obeys OTEL_TRACES_EXPORTER and OTEL_SDK_DISABLED over the endpoint', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(traceExport({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toEqual({ kind: 'off' });
    expect(traceExport({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toEqual({ kind: 'off' });
    expect(traceExport({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ kind: 'console' });
    expect(traceExport({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({ kind: 'off' });
  });

  it('refuses an exporter or protocol it does not ship, naming the variable', () => {
    expect(() => traceExport({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/^OTEL_TRACES_EXPORTER: "zipkin"/);
    expect(() =>
      traceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/^OTEL_EXPORTER_OTLP_PROTOCOL: "grpc"/);
    expect(() =>
      traceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }),
    ).toThrow(/^OTEL_EXPORTER_OTLP_TRACES_PROTOCOL/);
  });
});
