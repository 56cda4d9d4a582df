import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, StagePolicy, isUniqueStage, STORED_STAGES, type Stage } from '../entities/index.js';
import { NotFoundError, ValidationError } from './errors.js';
import { modelNotFound } from './models.js';
import { writeTransaction } from './transaction.js';

export const MAX_REQUIRED_APPROVALS = 10;

/**
 * Sets how many approvals moves into one stage of one model need; 0 removes the rule. Under the
 * model's lock, so a move in flight sees the rule either wholly before or wholly after.
 */
export async function setStagePolicy(em: EntityManager, modelName: string, stage: Stage, requiredApprovals: number): Promise<Model | NotFoundError | ValidationError> {
  if (!isUniqueStage(stage)) return new ValidationError(`a stage policy is for STAGING or PRODUCTION, not ${stage.toUpperCase()}`, 'stage', 'INVALID_STAGE');
  if (!Number.isInteger(requiredApprovals) || requiredApprovals < 0 || requiredApprovals > MAX_REQUIRED_APPROVALS) {
    return new ValidationError(`requiredApprovals must be from 0 to ${MAX_REQUIRED_APPROVALS}, got ${requiredApprovals}`, 'requiredApprovals');
  }
  return writeTransaction(em, async (tx) => {
    const [row] = await tx.execute('select * from model where name = ? for update', [modelName]);
    if (!row) return modelNotFound(modelName);
    const model = tx.map(Model, row);
    if (requiredApprovals === 0) await tx.execute('delete from stage_policy where model_id = ? and stage = ?', [model.id, stage]);
    else {
      await tx.execute(
        `insert into stage_policy (model_id, stage, required_approvals) values (?, ?, ?)
         on conflict (model_id, stage) do update set required_approvals = excluded.required_approvals, updated_at = now()`,
        [model.id, stage, requiredApprovals],
      );
    }
    return model;
  });
}

/** The policies of some models, each model's in stage order. */
export async function policiesOf(em: EntityManager, modelIds: readonly string[]): Promise<Map<string, StagePolicy[]>> {
  const policies = await em.find(StagePolicy, { model: { $in: [...modelIds] } }, { refresh: true });
  const byModel = new Map<string, StagePolicy[]>(modelIds.map((id) => [id, []]));
  for (const policy of policies) byModel.get(policy.model.id)?.push(policy);
  for (const list of byModel.values()) list.sort((a, b) => STORED_STAGES.indexOf(a.stage) - STORED_STAGES.indexOf(b.stage));
  return byModel;
}

/**
 * A column for the statement that locks the model row before a move: the approvals the target
 * stage needs (null: none), read in the same round trip as the lock.
 */
export function requiredApprovalsColumn(modelAlias: string): string {
  return `(select p.required_approvals from stage_policy p where p.model_id = ${modelAlias}.id and p.stage = ?) as required_approvals`;
}
