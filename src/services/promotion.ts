import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, isUniqueStage, type Stage, type StageChange, type StoredStage } from '../entities/index.js';
import { NotFoundError, StageConflictError, ValidationError } from './errors.js';
import { modelNotFound } from './models.js';
import { parseVersionText, resolveVersion } from './resolution.js';
import { appendToLog, type PendingChange } from './stage-log.js';
import { versionNotFound } from './versions.js';

export interface SetStageInput {
  model: string;
  version: string;
  stage: Stage;
  force?: boolean;
  /** Name of the token making the change, recorded in the log. */
  actor: string | null;
}

export interface StageMoved {
  version: ModelVersion;
  /** Versions archived to make room (only with force). */
  archived: ModelVersion[];
  /** The log rows committed; empty when the version already held the stage. */
  changes: StageChange[];
}

export type SetStageOutcome = StageMoved | NotFoundError | StageConflictError | ValidationError;

/**
 * Moves one version to a stage with ZenML's rules, in one transaction. The model row is locked
 * first so that promotions of one model run one after another: the check for a holder and the
 * move cannot interleave with another promotion's. STAGING and PRODUCTION hold one version: a
 * holder is a conflict unless `force`, which archives it in the same transaction.
 */
export async function setStage(em: EntityManager, input: SetStageInput): Promise<SetStageOutcome> {
  if (input.stage === 'latest') {
    return new ValidationError('LATEST is virtual: it always resolves to the newest version and cannot be set', 'stage', 'INVALID_STAGE');
  }
  const target: StoredStage = input.stage;
  const forced = input.force ?? false;
  return em.transactional(async (tx) => {
    const model = await tx.findOne(Model, { name: input.model }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!model) return modelNotFound(input.model);
    // Read after the lock, so what we see is what the previous promotion committed.
    const version = await resolveVersion(tx, model, parseVersionText(input.version));
    if (!version) return versionNotFound(input.model, input.version);
    if (version.stage === target) return { version, archived: [], changes: [] };

    const pending: PendingChange[] = [];
    const archived: ModelVersion[] = [];
    if (isUniqueStage(target)) {
      const holder = await tx.findOne(ModelVersion, { model, stage: target }, { refresh: true });
      if (holder) {
        if (!forced) {
          return new StageConflictError(
            `version ${holder.name} of ${model.name} holds ${target.toUpperCase()}; pass force to archive it and promote version ${version.name}`,
            holder,
          );
        }
        pending.push({ version: holder, from: target, to: 'archived', forced, displaced: true });
        holder.stage = 'archived';
        archived.push(holder);
        // Flushed on its own: the holder must leave the stage before the new one enters it,
        // or the partial unique index refuses the update.
        await tx.flush();
      }
    }
    pending.push({ version, from: version.stage, to: target, forced, displaced: false });
    version.stage = target;
    await tx.flush();
    const changes = await appendToLog(tx, model, pending, input.actor);
    return { version, archived, changes };
  });
}
