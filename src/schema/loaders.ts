import DataLoader from 'dataloader';
import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, type Stage, type StagePolicy } from '../entities/index.js';
import { directNewestInStage, type RegistryRows } from '../services/direct-reads.js';
import { policiesOf } from '../services/stage-policies.js';

/**
 * Batches the lookups of one operation, so a page of N versions costs one query for their models.
 * By id, deleted models and versions load too: the log still resolves them (node(id) does not).
 */
export function createLoaders(em: EntityManager, registry?: RegistryRows) {
  return {
    model: new DataLoader<string, Model | undefined>(async (ids) => byId(ids, await em.find(Model, { id: { $in: [...ids] } }))),
    version: new DataLoader<string, ModelVersion | undefined>(async (ids) => byId(ids, await em.find(ModelVersion, { id: { $in: [...ids] } }))),
    /** `Model.stagePolicies` for a whole page of models in one query. */
    stagePolicies: new DataLoader<string, StagePolicy[]>(async (modelIds) => {
      const byModel = await policiesOf(em, modelIds);
      return modelIds.map((id) => byModel.get(id) ?? []);
    }),
    /** `Model.version(stage: …)` for a whole page of models: one query per stage asked for. */
    versionInStage: new DataLoader<StageKey, ModelVersion | null, string>(
      async (keys) => {
        const found = new Map<string, ModelVersion>();
        for (const stage of new Set(keys.map((key) => key.stage))) {
          const modelIds = keys.filter((key) => key.stage === stage).map((key) => key.modelId);
          const versions = registry ? await directNewestInStage(registry, em, modelIds, stage) : await newestInStage(em, modelIds, stage);
          for (const [modelId, version] of versions) found.set(`${modelId}:${stage}`, version);
        }
        return keys.map((key) => found.get(`${key.modelId}:${key.stage}`) ?? null);
      },
      { cacheKeyFn: (key) => `${key.modelId}:${key.stage}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A loaded relation as is; an unloaded one through the operation's batch loader. */
export async function loadModel(ctx: { loaders: Loaders }, ref: Ref<Model>): Promise<Model> {
  return ref.isInitialized() ? ref.unwrap() : (await ctx.loaders.model.load(ref.unwrap().id))!;
}

export async function loadVersion(ctx: { loaders: Loaders }, ref: Ref<ModelVersion>): Promise<ModelVersion> {
  return ref.isInitialized() ? ref.unwrap() : (await ctx.loaders.version.load(ref.unwrap().id))!;
}
interface StageKey {
  modelId: string;
  stage: Stage;
}

/** The highest-numbered version of each model in a stage (any stage for LATEST). */
async function newestInStage(em: EntityManager, modelIds: string[], stage: Stage): Promise<Map<string, ModelVersion>> {
  const rows = await em.execute(
    `select distinct on (model_id) * from model_version
     where model_id in (?) and deleted_at is null ${stage === 'latest' ? '' : 'and stage = ?'}
     order by model_id, number desc`,
    stage === 'latest' ? [modelIds] : [modelIds, stage],
  );
  return new Map(rows.map((row) => [String(row.model_id), em.map(ModelVersion, row)]));
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | undefined)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id));
}
