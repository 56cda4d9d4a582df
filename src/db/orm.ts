import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { entitySchemas } from '../entities/index.js';
import { Migration0001Initial } from './migrations/0001-initial.js';
import { Migration0002ModelNameSearch } from './migrations/0002-model-name-search.js';
import { Migration0003Ledger } from './migrations/0003-ledger.js';
import { Migration0004Webhooks } from './migrations/0004-webhooks.js';
import { Migration0005Governance } from './migrations/0005-governance.js';
import { Migration0006PromotionFunction } from './migrations/0006-promotion-function.js';
import { Migration0007RegistryNotifications } from './migrations/0007-registry-notifications.js';

/** Listed statically so that src (tsx, vitest) and dist (node) find the same migrations. */
export const migrationsList = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0002-model-name-search', class: Migration0002ModelNameSearch },
  { name: '0003-ledger', class: Migration0003Ledger },
  { name: '0004-webhooks', class: Migration0004Webhooks },
  { name: '0005-governance', class: Migration0005Governance },
  { name: '0006-promotion-function', class: Migration0006PromotionFunction },
  { name: '0007-registry-notifications', class: Migration0007RegistryNotifications },
];

/** Any constant works; it only has to be the same for every instance of Modelstage. */
const MIGRATION_LOCK_KEY = 0x6d73_6d67; // "msmg"

/** `sqlDebug` prints every statement (Config's MODELSTAGE_SQL_DEBUG): this module reads no environment. */
export function ormOptions(clientUrl: string, poolMax = 10, sqlDebug = false): Options {
  return {
    clientUrl,
    entities: entitySchemas,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: poolMax },
    // Only this project's own queries run; no need to discover anything at runtime.
    discovery: { warnWhenNoEntities: true },
    debug: sqlDebug,
    allowGlobalContext: false,
  };
}

export async function openOrm(clientUrl: string, poolMax?: number, sqlDebug?: boolean): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, poolMax, sqlDebug));
}

/** Whether the optional trigram index behind model search exists (see migration 0002). */
export async function hasModelSearchIndex(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ present: boolean }[]>("select to_regclass('model_name_search') is not null as present");
  return row?.present === true;
}

/**
 * Brings the database to the current schema. A session-level advisory lock, held on a
 * connection of its own, makes a second instance starting at the same moment wait and then
 * find nothing left to do.
 */
export async function migrate(orm: MikroORM, clientUrl: string): Promise<void> {
  const lockClient = new pg.Client({ connectionString: clientUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await orm.getMigrator().up();
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
  }
}
