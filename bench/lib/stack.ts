import { createBenchToken, seedRegistry, startDatabase, type SeedOptions } from './database.js';
import { startServer, type ServerKind, type ServerProcess } from './servers.js';

export interface Stack {
  databaseUrl: string;
  /** A stored token with the PROMOTE scope (cached by the server after its first use). */
  token: string;
  servers: Partial<Record<ServerKind, ServerProcess>>;
}

/**
 * Everything one benchmark needs, started in this run and stopped whatever happens: an embedded
 * PostgreSQL in a temporary folder (optionally seeded), a token, and the servers asked for.
 */
export async function withStack<T>(options: { seed?: SeedOptions; servers: ServerKind[] }, work: (stack: Stack) => Promise<T>): Promise<T> {
  const started = Date.now();
  const database = await startDatabase();
  const servers: Stack['servers'] = {};
  try {
    if (options.seed) await seedRegistry(database.url, options.seed);
    const token = await createBenchToken(database.url);
    for (const kind of options.servers) servers[kind] = await startServer(kind, { env: { DATABASE_URL: database.url } });
    console.log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.values(servers).map((s) => `${s.kind} pid ${s.pid}`).join(', ')}`);
    return await work({ databaseUrl: database.url, token, servers });
  } finally {
    for (const server of Object.values(servers)) await server.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
  }
}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not started`);
  return value;
}
