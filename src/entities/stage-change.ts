import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';
import type { ModelVersion } from './model-version.js';
import type { StoredStage } from './stage.js';

/**
 * One committed stage change: a row of the append-only, global log. Its id is the public
 * cursor; ids become visible in commit order (see live/stage-log.ts for why).
 */
export class StageChange {
  [OptionalProps]?: 'occurredAt' | 'forced' | 'displaced' | 'actor' | 'reason' | 'approvedBy';
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
  /** The `reason` given to the call that made the change. */
  reason: string | null = null;
  /** Names of the tokens whose approvals let the change through (see the governance issue). */
  approvedBy: string[] = [];
}

export const StageChangeSchema = new EntitySchema<StageChange>({
  class: StageChange,
  tableName: 'stage_change',
  indexes: [
    { name: 'stage_change_model_cursor', properties: ['model', 'id'] },
    { name: 'stage_change_version_cursor', properties: ['modelVersion', 'id'] },
    // The ledger (services/ledger.ts): the entries into one stage of one model, by time. Serves
    // holderAt (the last entry at or before an instant) and stagePeriods (entries newest first);
    // the exit that ends a stay is found through stage_change_version_cursor.
    { name: 'stage_change_stage_entries', properties: ['model', 'toStage', 'occurredAt', 'id'] },
    // rollbackStage: the most recent exit from one stage of one model.
    { name: 'stage_change_stage_exits', properties: ['model', 'fromStage', 'id'] },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    // History survives deletion: models and versions become tombstones (deleted_at), and the
    // database itself refuses to remove a row the log still refers to.
    model: { kind: 'm:1', entity: 'Model', ref: true, deleteRule: 'restrict' },
    modelVersion: { kind: 'm:1', entity: 'ModelVersion', ref: true, deleteRule: 'restrict' },
    fromStage: { type: 'text' },
    toStage: { type: 'text' },
    forced: { type: 'boolean', default: false },
    displaced: { type: 'boolean', default: false },
    actor: { type: 'text', nullable: true },
    occurredAt: { type: 'timestamptz', defaultRaw: 'now()' },
    transactionId: { type: 'text' },
    reason: { type: 'text', nullable: true },
    approvedBy: { type: 'text[]', default: '{}' },
  },
});
