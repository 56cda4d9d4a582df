/** Server settings, read once from the environment (see the README's Configuration table). */
export interface Config {
  host: string;
  port: number;
  /** A PostgreSQL to use; without it an embedded one is started. */
  databaseUrl?: string;
  dataDir: string;
  /** Accepted as given and holding every scope. */
  adminToken?: string;
  /** Origins allowed by CORS and on websocket upgrades; `*` allows any. */
  corsOrigins: string[];
  /** Development mode turns on field suggestions and detailed logs. */
  dev: boolean;
  /** LOG_LEVEL: the least severe log line written (one JSON object per line on stdout). */
  logLevel: LogLevel;
  /** MODELSTAGE_METRICS: false takes /metrics away. */
  metrics: boolean;
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT (or its traces-only twin) is set: trace every operation and
   * export over OTLP/HTTP. The OpenTelemetry SDK reads the other OTEL_* variables itself.
   */
  tracing: boolean;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MODELSTAGE_DATA_DIR || './.modelstage',
    adminToken: env.MODELSTAGE_ADMIN_TOKEN || undefined,
    corsOrigins: parseList(env.MODELSTAGE_CORS_ORIGINS),
    dev: env.NODE_ENV === 'development',
    logLevel: parseLogLevel(env.LOG_LEVEL),
    metrics: parseBoolean('MODELSTAGE_METRICS', env.MODELSTAGE_METRICS, true),
    tracing: tracingRequested(env),
  };
}

export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = (value || 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${value}`);
  return level as LogLevel;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  throw new Error(`${name} must be true or false, got ${value}`);
}

function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
