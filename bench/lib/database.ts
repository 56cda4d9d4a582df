import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { createToken } from '../../src/services/tokens.js';

/**
 * A throwaway real PostgreSQL for one benchmark run, migrated to Modelstage's schema: an embedded
 * one in a temporary folder, or, with BENCH_POSTGRES_URL (any database on a running server; the
 * --quick test passes the test run's), a new database on that server, dropped afterwards with the
 * siblings made beside it.
 */
export async function startDatabase(): Promise<EmbeddedDatabase> {
  const server = process.env.BENCH_POSTGRES_URL;
  if (server) return databaseOnServer(server);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-bench-'));
  const database = await startEmbeddedPostgres(dir, { persistent: false });
  await migrateDatabase(database.url);
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const databaseUrl = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function databaseOnServer(serverUrl: string): Promise<EmbeddedDatabase> {
  const name = `ms_bench_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  await migrateDatabase(url);
  return {
    url,
    stop: () =>
      withClient(serverUrl, async (client) => {
        // The siblings (siblingDatabase) share the name as a prefix.
        const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname = $1 or datname like $1 || '\\_%'`, [name]);
        for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
      }),
  };
}

async function migrateDatabase(url: string): Promise<void> {
  const orm = await openOrm(url);
  try {
    await migrate(orm, url);
  } finally {
    await orm.close();
  }
}

/** Another database beside `url`'s on the same PostgreSQL, named `<url's database>_<suffix>`, migrated; returns its URL. */
export async function siblingDatabase(url: string, suffix: string): Promise<string> {
  const name = `${new URL(url).pathname.slice(1)}_${suffix}`;
  await ensureDatabase(url, name);
  const sibling = databaseUrl(url, name);
  await migrateDatabase(sibling);
  return sibling;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A token with every scope up to PROMOTE, stored like any user's (so the auth cache applies). */
export async function createBenchToken(url: string): Promise<string> {
  const orm = await openOrm(url, 1);
  try {
    const created = await createToken(orm.em.fork(), `bench-${Date.now()}`, ['promote']);
    if (!('secret' in created)) throw new Error(`could not create a token: ${created.message}`);
    return created.secret;
  } finally {
    await orm.close();
  }
}

export interface SeedOptions {
  models: number;
  versionsPerModel: number;
  /** Models are named `${prefix}${i}`, i from 1. */
  prefix?: string;
}

/**
 * Seeds models in bulk with generate_series, as a registry looks after a while: version 1 in
 * PRODUCTION, the newest in STAGING (when there are 3 or more), the rest ARCHIVED, and one log
 * row per version that left NONE.
 */
export async function seedRegistry(url: string, { models, versionsPerModel, prefix = 'model-' }: SeedOptions): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('begin');
    const { rows } = await client.query<{ first: string }>(
      `insert into model (name, description, last_version_number)
       select $1 || i, 'seeded for benchmarks', $2 from generate_series(1, $3) as i
       returning id::text as first`,
      [prefix, versionsPerModel, models],
    );
    const firstId = rows[0]!.first;
    await client.query(
      `insert into model_version (model_id, name, number, stage, metadata)
       select m.id, n::text, n,
              case when n = 1 then 'production' when n = $2 and n >= 3 then 'staging' else 'archived' end,
              jsonb_build_object('accuracy', round((0.8 + random() * 0.2)::numeric, 4))
       from model m cross join generate_series(1, $2) as n
       where m.id >= $1 and m.id < $1::bigint + $3
       order by m.id, 3`,
      [firstId, versionsPerModel, models],
    );
    await client.query(
      `insert into stage_change (model_id, model_version_id, from_stage, to_stage, actor, transaction_id)
       select v.model_id, v.id, 'none', v.stage, 'seed', '0'
       from model_version v where v.model_id >= $1 and v.model_id < $1::bigint + $2
       order by v.id`,
      [firstId, models],
    );
    await client.query('commit');
    // As a registry that grew over time would be: vacuumed, so autovacuum does not start mid-run.
    await client.query('vacuum analyze model, model_version, stage_change');
  });
}
