import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';
import type { StoredStage } from './stage.js';

/** How many approvals a move of one model's versions into one stage needs. No row: none. */
export class StagePolicy {
  [OptionalProps]?: 'updatedAt';
  id!: string;
  model!: Ref<Model>;
  stage!: StoredStage;
  /** 1 to 10; a policy set to 0 is removed. */
  requiredApprovals!: number;
  updatedAt: Date = new Date();
}

export const StagePolicySchema = new EntitySchema<StagePolicy>({
  class: StagePolicy,
  tableName: 'stage_policy',
  uniques: [{ name: 'stage_policy_model_stage_unique', properties: ['model', 'stage'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    model: { kind: 'm:1', entity: 'Model', ref: true, deleteRule: 'cascade' },
    stage: { type: 'text' },
    requiredApprovals: { type: 'integer' },
    updatedAt: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});
