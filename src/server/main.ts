#!/usr/bin/env node
import { loadConfig } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { startApp, type App } from './app.js';

/**
 * Starts the server: on DATABASE_URL, or on an embedded PostgreSQL under MODELSTAGE_DATA_DIR.
 * SIGINT and SIGTERM stop it gracefully: requests in flight finish, sockets close with 1001,
 * then the embedded database stops.
 */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(`[modelstage] ${line}`);
  let embedded: EmbeddedDatabase | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await app?.stop().catch((error: Error) => log(`stopping the server failed: ${error.message}`));
    await embedded?.stop().catch((error: Error) => log(`stopping PostgreSQL failed: ${error.message}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      log(`no DATABASE_URL: starting an embedded PostgreSQL in ${config.dataDir}`);
      embedded = await startEmbeddedPostgres(config.dataDir);
      databaseUrl = embedded.url;
    }
    app = await startApp({
      databaseUrl,
      host: config.host,
      port: config.port,
      adminToken: config.adminToken,
      corsOrigins: config.corsOrigins,
      dev: config.dev,
      webhooks: config.webhooks,
      log,
    });
    if (app.bootstrapToken) {
      // Printed once, on the first start on an empty database; only its hash is stored.
      console.log(`\nCreated an admin token (shown this once, keep it safe):\n\n  ${app.bootstrapToken}\n`);
    }
    // app.url is where this machine reaches the server; say so when it listens more widely.
    const everywhere = config.host === '0.0.0.0' || config.host === '::' ? ` (listening on ${config.host}, every interface)` : '';
    log(`serving ${app.url}${everywhere} (dashboard at ${app.url.replace(/graphql$/, '')})`);
    if (stopping) await app.stop();
  } catch (error) {
    log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await serve();
