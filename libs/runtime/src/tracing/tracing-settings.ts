/**
 * Whether and where spans are exported, read from the OpenTelemetry SDK's own variables
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/). Tracing is
 * off unless an OTLP endpoint is set or OTEL_TRACES_EXPORTER asks for the console; off means no
 * SDK at all, so the API's no-op tracer is all the hot path meets.
 */
export type TraceExport = { kind: 'off' } | { kind: 'otlp' } | { kind: 'console' };

export class TracingConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

/** The one OTLP encoding shipped (@opentelemetry/exporter-trace-otlp-proto). */
const OTLP_PROTOCOL = 'http/protobuf';

export function traceExport(env: NodeJS.ProcessEnv): TraceExport {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return { kind: 'off' };
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.includes('none')) return { kind: 'off' };
  const unknown = exporters.find((name) => name !== 'otlp' && name !== 'console');
  if (unknown)
    throw new TracingConfigError('OTEL_TRACES_EXPORTER', `"${unknown}" is not supported (otlp, console or none)`);
  if (exporters.includes('console')) return { kind: 'console' };
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return { kind: 'off' };
  const protocolSetting = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[protocolSetting] || OTLP_PROTOCOL;
  if (protocol !== OTLP_PROTOCOL)
    throw new TracingConfigError(protocolSetting, `"${protocol}" is not supported (${OTLP_PROTOCOL})`);
  return { kind: 'otlp' };
}
