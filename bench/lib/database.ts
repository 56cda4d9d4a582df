import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { createToken } from '../../src/services/tokens.js';

/** A throwaway real PostgreSQL for one benchmark run, migrated to Modelstage's schema. */
export async function startDatabase(): Promise<EmbeddedDatabase> {
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

async function migrateDatabase(url: string): Promise<void> {
  const orm = await openOrm(url);
  try {
    await migrate(orm, url);
  } finally {
    await orm.close();
  }
}

/** Another database beside `url`'s on the same PostgreSQL, migrated; returns its URL. */
export async function siblingDatabase(url: string, name: string): Promise<string> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await ensureDatabase(admin.toString(), name);
  const sibling = new URL(url);
  sibling.pathname = `/${name}`;
  await migrateDatabase(sibling.toString());
  return sibling.toString();
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
