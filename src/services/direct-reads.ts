import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectPool } from '../db/direct-pool.js';
import { Model, ModelVersion, type Stage, type StoredStage } from '../entities/index.js';
import { chosenVersionQuery, type VersionSelector } from './resolution.js';

/**
 * The hottest reads of the API (a version by stage or number, a model by name, a page of models'
 * stage holders) through `pg` directly (db/direct-pool.ts), answered as plain instances of the
 * entity classes: these rows are only answered, never changed or flushed, so MikroORM's
 * hydration, identity map and snapshots do not earn their place here.
 *
 * What stays the same: the SQL (the statements of resolution.ts and the batch loaders, so the
 * same indexes, see test/explain.test.ts), the answers (the same classes, so `node` and every
 * field resolve them as before) and freshness (see DirectPool). Writes, and reads inside a
 * transaction, keep going through MikroORM.
 */

/** A row of a table as `pg` gives it: bigint ids as text, timestamps as Dates. */
export type Row = Record<string, unknown>;

/**
 * Where the hot reads find their rows: PostgreSQL itself (DatabaseRows), or this instance's
 * cache of it (cache/registry-cache.ts), which answers the same rows.
 */
export interface RegistryRows {
  model(name: string): Promise<Row | null>;
  version(model: { name: string } | { id: string }, selector: VersionSelector): Promise<Row | null>;
  /** The highest-numbered version of each model in a stage (any stage for LATEST), as the batch loader asks; at most one row per model. */
  newestInStage(modelIds: readonly string[], stage: Stage): Promise<Row[]>;
}

export class DatabaseRows implements RegistryRows {
  constructor(private readonly pool: DirectPool) {}

  async model(name: string): Promise<Row | null> {
    const [row] = await this.pool.query('select * from model where name = ? and deleted_at is null', [name]);
    return row ?? null;
  }

  async version(model: { name: string } | { id: string }, selector: VersionSelector): Promise<Row | null> {
    const chosen = chosenVersionQuery(model, selector);
    const [row] = await this.pool.query(chosen.sql, chosen.params);
    return row ?? null;
  }

  newestInStage(modelIds: readonly string[], stage: Stage): Promise<Row[]> {
    return this.pool.query(
      `select distinct on (model_id) * from model_version
       where model_id = any(?::bigint[]) and deleted_at is null ${stage === 'latest' ? '' : 'and stage = ?'}
       order by model_id, number desc`,
      stage === 'latest' ? [modelIds] : [modelIds, stage],
    );
  }
}

/** The version a selector names, or null (resolveVersion's answer). */
export async function directVersion(rows: RegistryRows, em: EntityManager, model: { name: string }, selector: VersionSelector): Promise<ModelVersion | null> {
  const row = await rows.version(model, selector);
  return row ? versionFromRow(em, row) : null;
}

/** findModel's answer. */
export async function directModel(rows: RegistryRows, name: string): Promise<Model | null> {
  const row = await rows.model(name);
  return row ? modelFromRow(row) : null;
}

/** The highest-numbered version of each model in a stage (any stage for LATEST), by model id, as the batch loader asks. */
export async function directNewestInStage(rows: RegistryRows, em: EntityManager, modelIds: readonly string[], stage: Stage): Promise<Map<string, ModelVersion>> {
  // Keyed by the row's model_id: asking the version for its model would make the reference.
  return new Map((await rows.newestInStage(modelIds, stage)).map((row) => [row.model_id as string, versionFromRow(em, row)]));
}

/** A version as MikroORM would hydrate it: its model an unloaded reference (loaded by the batch loader when asked). */
function versionFromRow(em: EntityManager, row: Row): ModelVersion {
  const version = plainVersion(row);
  // The model's reference is made when a resolver first asks for it: em.getReference (MikroORM's
  // entity factory) was the largest single cost of a read the cache answers, and most never ask.
  const modelId = row.model_id as string;
  let model: Ref<Model> | undefined;
  Object.defineProperty(version, 'model', {
    get: () => (model ??= em.getReference(Model, modelId, { wrapped: true })),
    enumerable: true,
    configurable: true,
  });
  return version;
}

/** A plain version of `row`, its model the reference given (the caller's, loaded or not). */
export function versionWithModel(row: Row, model: Ref<Model>): ModelVersion {
  const version = plainVersion(row);
  version.model = model;
  return version;
}

function plainVersion(row: Row): ModelVersion {
  const version = new ModelVersion();
  version.id = row.id as string;
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

export function modelFromRow(row: Row): Model {
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
