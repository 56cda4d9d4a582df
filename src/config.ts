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
}

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
  };
}

function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
