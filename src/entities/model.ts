import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';

/** A registered model with ZenML's model-card fields. */
export class Model {
  [OptionalProps]?: 'lastVersionNumber' | 'createdAt' | 'updatedAt' | 'tags' | 'deletedAt';
  id!: string;
  name!: string;
  description: string | null = null;
  license: string | null = null;
  audience: string | null = null;
  useCases: string | null = null;
  limitations: string | null = null;
  tradeOffs: string | null = null;
  ethics: string | null = null;
  tags: string[] = [];
  /** Highest version number ever given, so numbers are never reused after a delete. */
  lastVersionNumber = 0;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  /** Set once deleted: a tombstone, gone from lookups and lists, still resolvable from the log. */
  deletedAt: Date | null = null;
}

export const ModelSchema = new EntitySchema<Model>({
  class: Model,
  tableName: 'model',
  // Search by any part of the name (see migration 0002; absent where pg_trgm cannot be created).
  indexes: [
    { name: 'model_name_search', expression: 'create index "model_name_search" on "model" using gin ("name" gin_trgm_ops)' },
    // Deleted models too: the log of a name (stageChanges(model:)) falls back to its last tombstone.
    { name: 'model_name_any', properties: ['name', 'deletedAt'] },
  ],
  // A deleted model's name is free for a new model: only live models have unique names.
  uniques: [{ name: 'model_name_unique', expression: 'create unique index "model_name_unique" on "model" ("name") where "deleted_at" is null' }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    license: { type: 'text', nullable: true },
    audience: { type: 'text', nullable: true },
    useCases: { type: 'text', nullable: true },
    limitations: { type: 'text', nullable: true },
    tradeOffs: { type: 'text', nullable: true },
    ethics: { type: 'text', nullable: true },
    tags: { type: 'text[]', default: '{}' },
    lastVersionNumber: { type: 'integer', default: 0 },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
    updatedAt: { type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() },
    deletedAt: { type: 'timestamptz', nullable: true },
  },
});
