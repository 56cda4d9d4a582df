import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';
import type { ModelVersion } from './model-version.js';
import type { StoredStage } from './stage.js';

/**
 * One committed stage change: a row of the append-only, global log. Its id is the public
 * cursor; ids become visible in commit order (see services/stage-log.ts for why).
 */
export class StageChange {
  [OptionalProps]?: 'occurredAt' | 'forced' | 'displaced' | 'actor';
  id!: string;
  model!: Ref<Model>;
  modelVersion!: Ref<ModelVersion>;
  fromStage!: StoredStage;
  toStage!: StoredStage;
  forced = false;
  displaced = false;
  actor: string | null = null;
  occurredAt: Date = new Date();
  /** PostgreSQL's own transaction id: shared by every change committed together. */
  transactionId!: string;
}

export const StageChangeSchema = new EntitySchema<StageChange>({
  class: StageChange,
  tableName: 'stage_change',
  indexes: [
    { name: 'stage_change_model_cursor', properties: ['model', 'id'] },
    { name: 'stage_change_version_cursor', properties: ['modelVersion', 'id'] },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    model: { kind: 'm:1', entity: 'Model', ref: true, deleteRule: 'cascade' },
    modelVersion: { kind: 'm:1', entity: 'ModelVersion', ref: true, deleteRule: 'cascade' },
    fromStage: { type: 'text' },
    toStage: { type: 'text' },
    forced: { type: 'boolean', default: false },
    displaced: { type: 'boolean', default: false },
    actor: { type: 'text', nullable: true },
    occurredAt: { type: 'timestamptz', defaultRaw: 'now()' },
    transactionId: { type: 'text' },
  },
});
