import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, type Stage, type StoredStage } from '../entities/index.js';
import { chosenVersionQuery, type ModelKey, type VersionSelector } from './resolution.js';

/**
 * The hottest reads of the API (a version by stage or number, a model by name, a page of models'
 * stage holders) sent through `pg` directly, as named prepared statements, and answered as
 * plain instances of the entity classes.
 *
 * Why: a CPU profile of `npm run bench:reads` put about a fifth of the server's time per read in
 * MikroORM and knex around a one-row statement: knex's per-statement path (pool checkout through
 * tarn, `ensureConnection`, query building) and `em.map` (hydration, identity map, snapshot).
 * Neither earns its place on a read that only answers: the rows are never changed or flushed.
 *
 * What stays the same: the SQL (the same statements as resolution.ts and the batch loaders, so
 * the same indexes, see test/explain.test.ts), the answers (the same classes, so `node` and
 * every field resolve them as before), and freshness: each statement runs on its own, after
 * whatever committed before it was sent, as through MikroORM's pool (READ COMMITTED). Writes,
 * and reads inside a transaction, keep going through MikroORM.
 */
export class DirectReads {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, max = 8) {
    // Idle connections go after a while: tests start many instances on one PostgreSQL.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max, idleTimeoutMillis: 10_000 });
    // A connection lost while idle (a restarted server) is replaced on the next query.
    this.pool.on('error', () => undefined);
  }

  /** The version a selector names, or null (resolveVersion's answer, without the unit of work). */
  async version(em: EntityManager, model: ModelKey, selector: VersionSelector): Promise<ModelVersion | null> {
    const chosen = chosenVersionQuery(model, selector);
    const [row] = await this.query(chosen.sql, chosen.params);
    return row ? versionFromRow(em, row) : null;
  }

  async model(name: string): Promise<Model | null> {
    const [row] = await this.query('select * from model where name = ? and deleted_at is null', [name]);
    return row ? modelFromRow(row) : null;
  }

  /** The highest-numbered version of each model in a stage (any stage for LATEST). */
  async newestInStage(em: EntityManager, modelIds: readonly string[], stage: Stage): Promise<ModelVersion[]> {
    const rows = await this.query(
      `select distinct on (model_id) * from model_version
       where model_id = any(?::bigint[]) and deleted_at is null ${stage === 'latest' ? '' : 'and stage = ?'}
       order by model_id, number desc`,
      stage === 'latest' ? [modelIds] : [modelIds, stage],
    );
    return rows.map((row) => versionFromRow(em, row));
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /**
   * Runs `sql` (with `?` placeholders, as MikroORM's `execute` takes them) as a named prepared
   * statement: each connection parses and plans one text once, then only binds and executes.
   */
  private async query(sql: string, params: unknown[]): Promise<Row[]> {
    const statement = prepared(sql);
    const result = await this.pool.query<Row>({ name: statement.name, text: statement.text, values: params });
    return result.rows;
  }
}

type Row = Record<string, unknown>;

/** `?` placeholders numbered for PostgreSQL, and a name per text; made once per distinct text. */
const statements = new Map<string, { name: string; text: string }>();
function prepared(sql: string): { name: string; text: string } {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    statement = { name: `modelstage_read_${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    statements.set(sql, statement);
  }
  return statement;
}

/** A version as MikroORM would hydrate it: its model an unloaded reference (loaded by the batch loader when asked). */
function versionFromRow(em: EntityManager, row: Row): ModelVersion {
  const version = new ModelVersion();
  version.id = row.id as string;
  version.model = em.getReference(Model, row.model_id as string, { wrapped: true });
  version.name = row.name as string;
  version.number = row.number as number;
  version.stage = row.stage as StoredStage;
  version.description = row.description as string | null;
  version.tags = row.tags as string[];
  version.metadata = row.metadata;
  version.createdAt = row.created_at as Date;
  version.updatedAt = row.updated_at as Date;
  version.deletedAt = row.deleted_at as Date | null;
  version.createdBy = row.created_by as string | null;
  return version;
}

function modelFromRow(row: Row): Model {
  const model = new Model();
  model.id = row.id as string;
  model.name = row.name as string;
  model.description = row.description as string | null;
  model.license = row.license as string | null;
  model.audience = row.audience as string | null;
  model.useCases = row.use_cases as string | null;
  model.limitations = row.limitations as string | null;
  model.tradeOffs = row.trade_offs as string | null;
  model.ethics = row.ethics as string | null;
  model.tags = row.tags as string[];
  model.lastVersionNumber = row.last_version_number as number;
  model.createdAt = row.created_at as Date;
  model.updatedAt = row.updated_at as Date;
  model.deletedAt = row.deleted_at as Date | null;
  return model;
}
