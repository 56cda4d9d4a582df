import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, StageChange, isUniqueStage, type Stage, type StoredStage } from '../entities/index.js';
import { ApprovalRequiredError, NotFoundError, StageConflictError, ValidationError } from './errors.js';
import { modelNotFound } from './models.js';
import { askForApproval } from './promotion-requests.js';
import { requiredApprovalsColumn } from './stage-policies.js';
import { chosenVersionQuery, parseVersionText, type VersionSelector } from './resolution.js';
import { logAppend, type PendingChange } from './stage-log.js';
import { writeTransaction } from './transaction.js';
import { versionNotFound } from './versions.js';

export interface SetStageInput {
  model: string;
  version: string;
  stage: Stage;
  force?: boolean;
  /** Name of the token making the change, recorded in the log. */
  actor: string | null;
  /** Its id, to know who asked when the stage needs approvals (null: MODELSTAGE_ADMIN_TOKEN). */
  actorTokenId?: string | null;
  reason?: string | null;
  /** Set by the approval that applies a promotion request: the stage's policy is satisfied. */
  approvedBy?: string[];
}

export interface StageMoved {
  version: ModelVersion;
  /** Versions archived to make room (only with force). */
  archived: ModelVersion[];
  /** The log rows committed; empty when the version already held the stage. */
  changes: StageChange[];
}

export type SetStageOutcome = StageMoved | NotFoundError | StageConflictError | ValidationError | ApprovalRequiredError;

/**
 * Moves one version to a stage with ZenML's rules, in one transaction. The model row is locked
 * first so that promotions of one model run one after another: the check for a holder and the
 * move cannot interleave with another promotion's. STAGING and PRODUCTION hold one version: a
 * holder is a conflict unless `force`, which archives it in the same transaction.
 *
 * The hottest write of the API, so it is three plain statements inside the transaction rather
 * than the unit of work: lock; read (and with force archive the holder); move and append to the log.
 * Rows come back mapped to managed entities that already match the database.
 */
export async function setStage(em: EntityManager, input: SetStageInput): Promise<SetStageOutcome> {
  if (input.stage === 'latest') {
    return new ValidationError('LATEST is virtual: it always resolves to the newest version and cannot be set', 'stage', 'INVALID_STAGE');
  }
  return writeTransaction(em, (tx) => moveInTransaction(tx, { ...input, stage: input.stage as StoredStage }));
}

/** setStage's move inside the caller's transaction (an approval applies a request with it). */
export async function moveInTransaction(tx: EntityManager, input: SetStageInput & { stage: StoredStage }): Promise<SetStageOutcome> {
  const target = input.stage;
  const forced = input.force ?? false;
  // The policy of the target stage is read in the statement that takes the lock.
  const [lockedRow] = await tx.execute(`select m.*, ${requiredApprovalsColumn('m')} from model m where m.name = ? for update of m`, [target, input.model]);
  if (!lockedRow) return modelNotFound(input.model);
  const { required_approvals: required, ...modelRow } = lockedRow as { required_approvals: number | null };
  const model = tx.map(Model, modelRow);
  if (required && !input.approvedBy) {
    const asked = await askForApproval(tx, model, { name: input.actor ?? 'admin', tokenId: input.actorTokenId ?? null }, { ...input, force: forced }, required);
    if (asked) return asked;
  }
  // A new statement after the lock, so it sees what the previous promotion committed.
  const now = new Date();
  const { chosen, holder, archived } = await readAndClear(tx, model, parseVersionText(input.version), target, forced, now);
  if (!chosen) return versionNotFound(input.model, input.version);
  if (chosen.stage === target) return { version: tx.map(ModelVersion, chosen), archived: [], changes: [] };
  if (holder && !archived) {
    return new StageConflictError(
      `version ${String(holder.name)} of ${model.name} holds ${target.toUpperCase()}; pass force to archive it and promote version ${String(chosen.name)}`,
      tx.map(ModelVersion, holder),
    );
  }

  const pending: PendingChange[] = [];
  const displaced = archived ? [tx.map(ModelVersion, archived)] : [];
  for (const version of displaced) pending.push({ version, from: target, to: 'archived', forced, displaced: true });
  const version = tx.map(ModelVersion, { ...chosen, stage: target, updated_at: now });
  pending.push({ version, from: chosen.stage as StoredStage, to: target, forced, displaced: false });
  // The move and the log append in one statement: the holder already left in an earlier one.
  const append = logAppend(model, pending, input.actor, 'moved');
  const appended = await tx.execute<Row[]>(
    `with moved as (update model_version set stage = ?, updated_at = ? where id = ? returning id), ${append.ctes} ${append.select}`,
    [target, now, chosen.id, ...append.params],
  );
  const changes = appended.map((row) => tx.map(StageChange, row));
  return { version, archived: displaced, changes };
}

type Row = Record<string, unknown>;

/**
 * One statement: the version the selector names, the version holding `target` (for STAGING and
 * PRODUCTION), and, when `forced` and they differ, that holder archived. The holder must leave
 * the stage in an earlier statement than the one that moves the new version in, or the partial
 * unique index refuses the move. `holder` is the row as it was; `archived` as it is now.
 */
async function readAndClear(tx: EntityManager, model: Model, selector: VersionSelector, target: StoredStage, forced: boolean, now: Date) {
  const chosen = chosenVersionQuery(model, selector);
  const rows = await tx.execute<(Row & { role: string })[]>(
    // Locked, so that an edit of its description or metadata waits for this transaction and the
    // version this returns is still the version when it commits.
    `with chosen as (${chosen.sql} for update of v),
     holder as (select h.* from model_version h where h.model_id = ? and h.stage = ? and ?::boolean),
     archived as (
       update model_version a set stage = 'archived', updated_at = ?
       from holder, chosen
       where a.id = holder.id and holder.id <> chosen.id and ?::boolean
       returning a.*
     )
     select 'chosen' as role, chosen.* from chosen
     union all select 'holder', holder.* from holder
     union all select 'archived', archived.* from archived`,
    [...chosen.params, model.id, target, isUniqueStage(target), now, forced],
  );
  const byRole = new Map(rows.map(({ role, ...columns }) => [role, columns as Row]));
  return { chosen: byRole.get('chosen'), holder: byRole.get('holder'), archived: byRole.get('archived') };
}
