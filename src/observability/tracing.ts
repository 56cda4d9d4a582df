/**
 * Starts the OpenTelemetry SDK for traces. Imported dynamically by the process entry point
 * (src/server/main.ts) when OTEL_EXPORTER_OTLP_ENDPOINT is set, and before the modules that load
 * `pg`: the pg instrumentation patches the driver as it is required, so it must be registered
 * first. Without the variable this module and the SDK are never loaded.
 *
 * The SDK reads the standard variables itself: OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), OTEL_EXPORTER_OTLP_PROTOCOL (http/protobuf by default,
 * http/json, or grpc), OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES,
 * OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*, OTEL_PROPAGATORS.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

export interface Tracing {
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** SQL text with every string literal replaced by '?': the statement's shape, none of its data. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/[eE]?'(?:[^']|'')*'/g, "'?'").replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, "'?'");
}

export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing {
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, wins through the SDK's own environment detector.
    serviceName: env.OTEL_SERVICE_NAME ? undefined : 'modelstage',
    // Traces only, unless the operator asks for more: metrics are on /metrics, logs on stdout.
    metricReaders: env.OTEL_METRICS_EXPORTER ? undefined : [],
    logRecordProcessors: env.OTEL_LOGS_EXPORTER ? undefined : [],
    instrumentations: [
      new PgInstrumentation({
        // Only statements run for an operation: the feed's background polls would otherwise
        // be a trace every two seconds.
        requireParentSpan: true,
        // Never the values bound to a statement...
        enhancedDatabaseReporting: false,
        // ...nor those written into its text: MikroORM inlines parameters (a webhook's secret
        // or URL would otherwise ride along in db.query.text).
        requestHook: (span, { query }) => span.setAttribute('db.query.text', withoutLiterals(query.text)),
      }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
