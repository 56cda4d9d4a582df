import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion } from '../entities/index.js';

/** Batches the lookups of one operation, so a page of N versions costs one query for their models. */
export function createLoaders(em: EntityManager) {
  return {
    model: new DataLoader<string, Model | undefined>(async (ids) => byId(ids, await em.find(Model, { id: { $in: [...ids] } }))),
    version: new DataLoader<string, ModelVersion | undefined>(async (ids) => byId(ids, await em.find(ModelVersion, { id: { $in: [...ids] } }))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | undefined)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id));
}
