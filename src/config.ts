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
  webhooks: WebhookSettings;
  /** MODELSTAGE_SQL_DEBUG=1: print every SQL statement (development only: it shows parameters). */
  sqlDebug: boolean;
  /** Failed authentications allowed per address and minute. */
  maxAuthFailures: number;
  /** Undelivered changes a subscriber may fall behind before it is disconnected. */
  subscriberQueueLimit: number;
  /** How long requests in flight may take to finish on shutdown before their connections are closed. */
  shutdownGraceMs: number;
  /** MODELSTAGE_READ_CACHE_MODELS: models whose rows this instance keeps for the hot reads (cache/registry-cache.ts); 0 turns the cache off. */
  readCacheModels: number;
}

/** How webhook messages are sent (see the README's Webhooks section). */
export interface WebhookSettings {
  /** MODELSTAGE_WEBHOOK_ALLOW_PRIVATE=true: webhooks may target loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** MODELSTAGE_WEBHOOK_RETRY_DELAYS: the wait before each retry; after the last, the message is FAILED. */
  retryDelaysMs: number[];
  /** Delivered and failed messages older than this are pruned (MODELSTAGE_WEBHOOK_RETENTION_DAYS, default 30). */
  retentionMs: number;
}

/** 5 s up to 24 h, about three days in all. */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [5_000, 30_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 86_400_000];
const DAY_MS = 24 * 60 * 60 * 1000;

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every default in one place: what an empty environment gives, and what a caller of startApp
 * (tests, benchmarks) leaves out. `databaseUrl` and `adminToken` have none.
 */
export const DEFAULTS: Omit<Config, 'databaseUrl' | 'adminToken'> = {
  host: '127.0.0.1',
  port: 4000,
  dataDir: './.modelstage',
  corsOrigins: [],
  dev: false,
  logLevel: 'info',
  metrics: true,
  tracing: false,
  webhooks: { allowPrivate: false, retryDelaysMs: DEFAULT_WEBHOOK_RETRY_DELAYS_MS, retentionMs: 30 * DAY_MS },
  sqlDebug: false,
  maxAuthFailures: 30,
  subscriberQueueLimit: 1_000,
  shutdownGraceMs: 10_000,
  readCacheModels: 10_000,
};

export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const delays = env.MODELSTAGE_WEBHOOK_RETRY_DELAYS?.trim();
  const retryDelaysMs = delays ? delays.split(',').map((item) => Number(item.trim())) : DEFAULTS.webhooks.retryDelaysMs;
  if (retryDelaysMs.some((delay) => !Number.isInteger(delay) || delay < 0)) {
    throw new Error(`MODELSTAGE_WEBHOOK_RETRY_DELAYS must be comma-separated milliseconds, got ${env.MODELSTAGE_WEBHOOK_RETRY_DELAYS}`);
  }
  const days = Number(env.MODELSTAGE_WEBHOOK_RETENTION_DAYS ?? DEFAULTS.webhooks.retentionMs / DAY_MS);
  if (!(days > 0)) throw new Error(`MODELSTAGE_WEBHOOK_RETENTION_DAYS must be a positive number, got ${env.MODELSTAGE_WEBHOOK_RETENTION_DAYS}`);
  return { allowPrivate: env.MODELSTAGE_WEBHOOK_ALLOW_PRIVATE === 'true', retryDelaysMs, retentionMs: days * DAY_MS };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? DEFAULTS.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    ...DEFAULTS,
    host: env.HOST || DEFAULTS.host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MODELSTAGE_DATA_DIR || DEFAULTS.dataDir,
    adminToken: env.MODELSTAGE_ADMIN_TOKEN || undefined,
    corsOrigins: parseList(env.MODELSTAGE_CORS_ORIGINS),
    dev: env.NODE_ENV === 'development',
    logLevel: parseLogLevel(env.LOG_LEVEL),
    metrics: parseBoolean('MODELSTAGE_METRICS', env.MODELSTAGE_METRICS, DEFAULTS.metrics),
    tracing: tracingRequested(env),
    webhooks: webhookSettings(env),
    sqlDebug: env.MODELSTAGE_SQL_DEBUG === '1',
    readCacheModels: parseCount('MODELSTAGE_READ_CACHE_MODELS', env.MODELSTAGE_READ_CACHE_MODELS, DEFAULTS.readCacheModels),
  };
}

export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = (value || DEFAULTS.logLevel).trim().toLowerCase();
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

function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value.trim());
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`${name} must be a whole number (0 or more), got ${value}`);
  return count;
}

function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
