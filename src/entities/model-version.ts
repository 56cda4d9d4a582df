import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';
import { STORED_STAGES, type StoredStage } from './stage.js';

export class ModelVersion {
  [OptionalProps]?: 'stage' | 'createdAt' | 'updatedAt' | 'tags' | 'description' | 'metadata' | 'deletedAt' | 'createdBy';
  id!: string;
  model!: Ref<Model>;
  name!: string;
  number!: number;
  stage: StoredStage = 'none';
  description: string | null = null;
  tags: string[] = [];
  metadata: unknown = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  /** Set once deleted: gone from lookups and lists; its name and number stay taken. */
  deletedAt: Date | null = null;
  /** The name of the token that created it (the version.created webhook message's actor). */
  createdBy: string | null = null;
}

export const ModelVersionSchema = new EntitySchema<ModelVersion>({
  class: ModelVersion,
  tableName: 'model_version',
  uniques: [
    { name: 'model_version_name_unique', properties: ['model', 'name'] },
    { name: 'model_version_number_unique', properties: ['model', 'number'] },
    {
      // The database itself forbids two holders of STAGING or of PRODUCTION in one model.
      name: 'model_version_unique_stage_holder',
      expression:
        "create unique index model_version_unique_stage_holder on model_version (model_id, stage) where stage in ('staging', 'production')",
    },
  ],
  indexes: [{ name: 'model_version_stage_lookup', properties: ['model', 'stage', 'number'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    model: { kind: 'm:1', entity: 'Model', ref: true, deleteRule: 'cascade' },
    name: { type: 'text' },
    number: { type: 'integer' },
    stage: { enum: true, items: () => [...STORED_STAGES], default: 'none' },
    description: { type: 'text', nullable: true },
    tags: { type: 'text[]', default: '{}' },
    metadata: { type: 'jsonb', nullable: true },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
    updatedAt: { type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() },
    deletedAt: { type: 'timestamptz', nullable: true },
    createdBy: { type: 'text', nullable: true },
  },
});
