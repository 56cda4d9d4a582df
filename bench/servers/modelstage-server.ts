/** Modelstage itself, in a process of its own so that its memory is measured apart from the load. */
import { openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, tracingRequested, webhookSettings } from '../../src/config.js';
import { serveBenchmark } from './ipc.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
// As src/server/main.ts does: with OTEL_EXPORTER_OTLP_ENDPOINT the SDK starts before the app's
// modules load pg, so `OTEL_EXPORTER_OTLP_ENDPOINT=… npm run bench:reads` measures tracing's cost.
const tracing = tracingRequested();
if (tracing) (await import('../../src/observability/tracing.js')).startTracing();
const { startApp } = await import('../../src/server/app.js');
const { createLogger } = await import('../../src/observability/logger.js');
// Logs as in production (pino's own destination, every request line, LOG_LEVEL as main.ts reads
// it), into a file of this run rather than the benchmark's output; removed when the server stops.
const logFile = path.join(os.tmpdir(), `modelstage-bench-${process.pid}.log`);
const logger = createLogger({ fd: openSync(logFile, 'a'), level: loadConfig(process.env).logLevel });
const app = await startApp({
  databaseUrl,
  port: 0,
  adminToken: process.env.MODELSTAGE_ADMIN_TOKEN,
  // MODELSTAGE_READ_CACHE_MODELS=0 npm run bench:reads measures the server without its read cache.
  readCacheModels: loadConfig(process.env).readCacheModels,
  tracing,
  logger,
  // As main.ts: MODELSTAGE_WEBHOOK_* from the environment (bench:promotions --webhooks sets
  // MODELSTAGE_WEBHOOK_ALLOW_PRIVATE so that deliveries to its 127.0.0.1 receiver are made).
  webhooks: webhookSettings(process.env),
});
serveBenchmark(app.url, async () => {
  await app.stop();
  logger.flush();
  await rm(logFile, { force: true });
});
