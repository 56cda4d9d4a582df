#!/usr/bin/env node
import { loadConfig } from '../config.js';
import { briefError, createLogger } from '../observability/logger.js';
import { postgresLog } from '../observability/postgres-log.js';
import type { Tracing } from '../observability/tracing.js';
import type { EmbeddedDatabase } from '../db/embedded.js';
import type { App } from './app.js';

/**
 * Starts the server: on DATABASE_URL, or on an embedded PostgreSQL under MODELSTAGE_DATA_DIR.
 * SIGINT and SIGTERM stop it gracefully: requests in flight finish, sockets close with 1001,
 * then the embedded database stops.
 *
 * The app's modules are imported only after tracing started (when OTEL_EXPORTER_OTLP_ENDPOINT
 * asks for it): the pg instrumentation must be in place before `pg` is loaded.
 */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  let tracing: Tracing | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await app?.stop().catch((error: Error) => logger.error(`stopping the server failed: ${briefError(error)}`));
    await embedded?.stop().catch((error: Error) => logger.error(`stopping PostgreSQL failed: ${briefError(error)}`));
    await tracing?.shutdown().catch((error: Error) => logger.warn(`exporting the last spans failed: ${briefError(error)}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    if (config.tracing) {
      tracing = (await import('../observability/tracing.js')).startTracing();
      logger.info('tracing: exporting spans over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT)');
    }
    const [{ startEmbeddedPostgres }, { startApp }] = await Promise.all([import('../db/embedded.js'), import('./app.js')]);
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      logger.info(`no DATABASE_URL: starting an embedded PostgreSQL in ${config.dataDir}`);
      embedded = await startEmbeddedPostgres(config.dataDir, { log: postgresLog(logger) });
      databaseUrl = embedded.url;
    }
    const { dataDir: _dataDir, ...settings } = config;
    app = await startApp({ ...settings, databaseUrl, logger });
    if (app.bootstrapToken) {
      // Printed once, on the first start on an empty database; only its hash is stored. On
      // stderr, for the person who started the server: stdout is the log, which a collector
      // may keep, and no log line ever holds a token.
      process.stderr.write(`\nCreated an admin token (shown this once, keep it safe):\n\n  ${app.bootstrapToken}\n\n`);
    }
    // app.url is where this machine reaches the server; say so when it listens more widely.
    const everywhere = config.host === '0.0.0.0' || config.host === '::' ? ` (listening on ${config.host}, every interface)` : '';
    logger.info({ url: app.url }, `serving ${app.url}${everywhere} (dashboard at ${app.url.replace(/graphql$/, '')})`);
    if (stopping) await app.stop();
  } catch (error) {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await serve();
