/** Modelstage itself, in a process of its own so that its memory is measured apart from the load. */
import { loadConfig, tracingRequested, webhookSettings } from '../../src/config.js';
import { serveBenchmark } from './ipc.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
// As src/server/main.ts does: with OTEL_EXPORTER_OTLP_ENDPOINT the SDK starts before the app's
// modules load pg, so `OTEL_EXPORTER_OTLP_ENDPOINT=… npm run bench:reads` measures tracing's cost.
const tracing = tracingRequested();
if (tracing) (await import('../../src/observability/tracing.js')).startTracing();
const { startApp } = await import('../../src/server/app.js');
const app = await startApp({
  databaseUrl,
  port: 0,
  adminToken: process.env.MODELSTAGE_ADMIN_TOKEN,
  tracing,
  // As main.ts: MODELSTAGE_WEBHOOK_* from the environment (bench:promotions --webhooks sets
  // MODELSTAGE_WEBHOOK_ALLOW_PRIVATE so that deliveries to its 127.0.0.1 receiver are made).
  webhooks: webhookSettings(process.env),
  // As main.ts: LOG_LEVEL=warn drops the per-request info line (to measure what it costs).
  logLevel: loadConfig(process.env).logLevel,
  log: (line) => process.stderr.write(`${line}\n`),
});
serveBenchmark(app.url, () => app.stop());
