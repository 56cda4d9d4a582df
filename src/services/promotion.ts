import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectPool } from '../db/direct-pool.js';
import { Model, ModelVersion, StageChange, isUniqueStage, type Stage, type StoredStage } from '../entities/index.js';
import { ApprovalRequiredError, NotFoundError, PreconditionFailedError, StageConflictError, ValidationError } from './errors.js';
import { argumentsHash, findUsedKey, keyOwner, lockKey, recordKey } from './idempotency.js';
import { modelNotFound } from './models.js';
import { askForApproval, previewOrOpenRequest } from './promotion-requests.js';
import { requiredApprovalsColumn } from './stage-policies.js';
import { chosenVersionQuery, parseVersionText, resolveVersion, versionKey, type VersionSelector } from './resolution.js';
import { fastSetStage } from './promotion-fast-path.js';
import { moveAndAppend, type PendingChange } from '../live/stage-log.js';
import { LIMITS, checkBoundedText, checkNoNul } from './validation.js';
import { writeTransaction } from './transaction.js';
import { versionNotFound } from './versions.js';

/** What setStage and rollbackStage take besides the version and stage. */
export interface MoveOptions {
  /** Only move when this version (name or number) holds the stage now; "none": when none does. */
  expectedHolder?: string | null;
  /** Answer what the call would do and change nothing. */
  dryRun?: boolean;
  /** Kept on every row the call commits. */
  reason?: string | null;
  /** Per token: a retry with the same key and arguments answers the first call's changes. */
  idempotencyKey?: string | null;
  /** Name of the token making the change, recorded in the log. */
  actor: string | null;
  /** The token whose key space `idempotencyKey` lives in (null: the environment's admin token). */
  tokenId?: string | null;
  /** Names of the tokens whose approvals let the move through (stage policies); [] by default. */
  approvedBy?: readonly string[];
  /** requestPromotion: only open (or answer) a request; a stage without a policy is INVALID_STAGE. */
  requestOnly?: boolean;
}

export interface SetStageInput extends MoveOptions {
  model: string;
  version: string;
  stage: Stage;
  force?: boolean;
}

export interface RollbackInput extends MoveOptions {
  model: string;
  stage: Stage;
}

export interface StageMoved {
  version: ModelVersion;
  /** Versions archived to make room (only with force). */
  archived: ModelVersion[];
  /** The log rows committed; empty when the version already held the stage. */
  changes: StageChange[];
  /** An idempotent retry's answer: `changes` were committed by the first call, not this one. */
  replayed?: true;
}

/** A dry run's answer: what the move would do. */
export interface StagePreview {
  preview: true;
  /** The version that would move, as it is now. */
  version: ModelVersion;
  from: StoredStage;
  to: StoredStage;
  /** The versions the move would archive, as they are now. */
  archived: ModelVersion[];
  noop: boolean;
}

export type MoveOutcome = StageMoved | StagePreview | NotFoundError | StageConflictError | PreconditionFailedError | ApprovalRequiredError | ValidationError;
export type SetStageOutcome = MoveOutcome | ValidationError;

/** rollbackStage's target: the version that held the stage before the current holder. */
export const PREVIOUS_HOLDER = Symbol('previous holder');

/** One move, as the services take it once its arguments are valid. */
export interface MoveInput {
  model: string;
  /** Version text as setStage reads it (name, number or stage), or the previous holder. */
  version: string | typeof PREVIOUS_HOLDER;
  stage: StoredStage;
  force: boolean;
  expectedHolder?: string | null;
  dryRun?: boolean;
  reason?: string | null;
  actor: string | null;
  approvedBy?: readonly string[];
  /** The caller's token (null: MODELSTAGE_ADMIN_TOKEN): who asks, when the stage needs approvals. */
  tokenId?: string | null;
  /** requestPromotion: only open (or answer) a request; a stage without a policy is INVALID_STAGE. */
  requestOnly?: boolean;
}

export function isPreview(outcome: unknown): outcome is StagePreview {
  return typeof outcome === 'object' && outcome !== null && 'preview' in outcome;
}

/**
 * Moves one version to a stage with ZenML's rules, in one transaction (see moveInTransaction);
 * with an idempotency key, once per key (see runKeyed). Given `direct`, the common promotion
 * takes one round trip (see promotion-fast-path.ts).
 */
export async function setStage(em: EntityManager, input: SetStageInput, direct?: DirectPool): Promise<SetStageOutcome> {
  if (input.stage === 'latest') {
    return new ValidationError('LATEST is virtual: it always resolves to the newest version and cannot be set', 'stage', 'INVALID_STAGE');
  }
  const move: MoveInput = { ...input, stage: input.stage, force: input.force ?? false };
  const invalid = checkMoveArguments(input, move);
  if (invalid) return invalid;
  const fast = direct && (await fastSetStage(direct, { ...move, idempotencyKey: input.idempotencyKey }));
  if (fast) return fast;
  const hash = argumentsHash('setStage', [input.model, input.version, move.stage, move.force, input.expectedHolder ?? null, input.reason ?? null]);
  return runKeyed(em, input, hash, (tx) => moveInTransaction(tx, move));
}

/**
 * Puts back the version that held `stage` before the current holder: of the other versions, the
 * one whose last stay in the stage ended most recently, moved in as setStage does with force.
 */
export async function rollbackStage(em: EntityManager, input: RollbackInput): Promise<SetStageOutcome> {
  if (!isUniqueStage(input.stage)) {
    return new ValidationError(`rollbackStage takes STAGING or PRODUCTION, not ${input.stage.toUpperCase()}`, 'stage', 'INVALID_STAGE');
  }
  const move: MoveInput = { ...input, version: PREVIOUS_HOLDER, stage: input.stage, force: true };
  const invalid = checkMoveArguments(input, move);
  if (invalid) return invalid;
  const hash = argumentsHash('rollbackStage', [input.model, move.stage, input.expectedHolder ?? null, input.reason ?? null]);
  return runKeyed(em, input, hash, (tx) => moveInTransaction(tx, move));
}

/** Every argument's bounds; the first one at fault is named. */
function checkMoveArguments(input: MoveOptions & { model: string; version?: string }, move: MoveInput): ValidationError | undefined {
  if (input.expectedHolder != null && !isUniqueStage(move.stage)) {
    return new ValidationError('expectedHolder applies to STAGING and PRODUCTION only, which one version holds at a time', 'expectedHolder');
  }
  return (
    checkNoNul(input.model, 'name') ??
    checkNoNul(input.version, 'version') ??
    checkNoNul(input.expectedHolder, 'expectedHolder') ??
    checkBoundedText(input.reason, 'reason', 0, LIMITS.reasonLength) ??
    checkBoundedText(input.idempotencyKey, 'idempotencyKey', 1, LIMITS.idempotencyKeyLength)
  );
}

/**
 * Runs a move in its own transaction. With an idempotency key the key's advisory lock comes
 * first, so calls with one key run one after another: the first commits its move and the key's
 * row together, every later one finds that row and answers the same changes, committing nothing.
 * A call that commits nothing (an error, a no-op, a dry run) records nothing: the key stays free.
 */
async function runKeyed(em: EntityManager, options: MoveOptions, hash: string, move: (tx: EntityManager) => Promise<MoveOutcome>): Promise<MoveOutcome | ValidationError> {
  const key = options.idempotencyKey;
  const owner = keyOwner(options.tokenId);
  if (key == null) return writeTransaction(em, move);
  if (options.dryRun) {
    // Read only: the real call would answer the recorded success, or refuse the reused key.
    const used = await findUsedKey(em, owner, key);
    if (used) return used.argumentsHash === hash ? previewOfReplay(await replay(em, used.changeIds)) : keyReused();
    return writeTransaction(em, move);
  }
  return writeTransaction(em, async (tx) => {
    await lockKey(tx, owner, key);
    const used = await findUsedKey(tx, owner, key);
    if (used) return used.argumentsHash === hash ? replay(tx, used.changeIds) : keyReused();
    const outcome = await move(tx);
    if (!('changes' in outcome) || outcome.changes.length === 0) return outcome;
    await recordKey(tx, owner, key, hash, outcome.changes.map((change) => change.id));
    return outcome;
  });
}

function keyReused(): ValidationError {
  return new ValidationError('this token already used idempotencyKey for a call with other arguments', 'idempotencyKey', 'IDEMPOTENCY_KEY_REUSED');
}

/** The first call's answer, rebuilt from its log rows: the moved version and those it displaced. */
async function replay(em: EntityManager, changeIds: string[]): Promise<StageMoved> {
  const changes = await em.find(StageChange, { id: { $in: changeIds } }, { orderBy: { id: 'asc' }, populate: ['modelVersion'], refresh: true });
  const moved = changes.find((change) => !change.displaced) ?? changes.at(-1)!;
  return {
    version: moved.modelVersion.unwrap(),
    archived: changes.filter((change) => change.displaced).map((change) => change.modelVersion.unwrap()),
    changes,
    replayed: true,
  };
}

function previewOfReplay(replayed: StageMoved): StagePreview {
  const moved = replayed.changes.find((change) => !change.displaced) ?? replayed.changes.at(-1)!;
  return { preview: true, version: replayed.version, from: moved.toStage, to: moved.toStage, archived: [], noop: true };
}

/**
 * The move itself, inside the caller's transaction: setStage and rollbackStage open one; a
 * module that must move a version as part of its own write (an approval applying a promotion
 * request) calls this in its transaction. The model row is locked first so that promotions of
 * one model run one after another: the check for a holder, `expectedHolder` and the move cannot
 * interleave with another promotion's. STAGING and PRODUCTION hold one version: a holder is a
 * conflict unless `force`, which archives it in the same transaction. A dry run takes the same
 * path and stops before its first write.
 *
 * The hottest write of the API, so it is three plain statements rather than the unit of work:
 * lock; read (and with force archive the holder); move and append to the log. Rows come back
 * mapped to managed entities that already match the database.
 */
export async function moveInTransaction(tx: EntityManager, input: MoveInput): Promise<MoveOutcome> {
  const target = input.stage;
  const forced = input.force;
  const dryRun = input.dryRun ?? false;
  // The target stage's policy is read in the statement that takes the lock.
  const [lockedRow] = await tx.execute(`select m.*, ${requiredApprovalsColumn('m')} from model m where m.name = ? and m.deleted_at is null for update of m`, [
    target,
    input.model,
  ]);
  if (!lockedRow) return modelNotFound(input.model);
  const { required_approvals: required, ...modelRow } = lockedRow as { required_approvals: number | null };
  const model = tx.map(Model, modelRow);
  if (input.requestOnly && !required) return new ValidationError(`${target.toUpperCase()} of ${model.name} needs no approvals: use setStage`, 'stage', 'INVALID_STAGE');
  // Into a stage that needs approvals, only the approval that reaches the number moves a version.
  const gated = Boolean(required) && !input.approvedBy?.length;
  // A new statement after the lock, so it sees what the previous promotion committed.
  const now = new Date();
  const selector = input.version === PREVIOUS_HOLDER ? await previousHolder(tx, model, target) : parseVersionText(input.version);
  if (selector instanceof NotFoundError) return selector;
  // With expectedHolder the holder is archived only once the precondition held, in a statement
  // of its own: a refused call must have written nothing, in whatever transaction it runs.
  const clearAtOnce = forced && !dryRun && input.expectedHolder == null && !gated;
  const { chosen, holder, archived } = await readAndClear(tx, model, selector, target, clearAtOnce, now);
  if (!chosen) return versionNotFound(input.model, typeof input.version === 'string' ? input.version : String(selector.version));
  if (input.expectedHolder != null) {
    const refused = await checkExpectedHolder(tx, model, target, holder, input.expectedHolder);
    if (refused) return refused;
  }
  const chosenVersion = tx.map(ModelVersion, chosen);
  if (chosen.stage === target) {
    return dryRun ? { preview: true, version: chosenVersion, from: target, to: target, archived: [], noop: true } : { version: chosenVersion, archived: [], changes: [] };
  }
  if (holder && !forced) {
    return new StageConflictError(
      `version ${String(holder.name)} of ${model.name} holds ${target.toUpperCase()}; pass force to archive it and promote version ${String(chosen.name)}`,
      tx.map(ModelVersion, holder),
    );
  }
  const asker = { name: input.actor ?? 'admin', tokenId: input.tokenId ?? null };
  const ask = { version: chosenVersion, stage: target, force: forced, reason: input.reason };
  if (dryRun) {
    const wouldArchive = holder ? [tx.map(ModelVersion, holder)] : [];
    const preview: StagePreview = { preview: true, version: chosenVersion, from: chosen.stage as StoredStage, to: target, archived: wouldArchive, noop: false };
    return gated ? previewOrOpenRequest(tx, model, ask, preview) : preview;
  }
  if (gated) return askForApproval(tx, model, asker, ask, required!);

  const archivedRow = archived ?? (holder ? await archive(tx, String(holder.id), now) : undefined);
  const pending: PendingChange[] = [];
  const displaced = archivedRow ? [tx.map(ModelVersion, archivedRow)] : [];
  for (const version of displaced) pending.push({ version, from: target, to: 'archived', forced, displaced: true });
  const version = tx.map(ModelVersion, { ...chosen, stage: target, updated_at: now });
  pending.push({ version, from: chosen.stage as StoredStage, to: target, forced, displaced: false });
  // The move and the log append in one statement: the holder already left in an earlier one.
  const move = { versionId: String(chosen.id), stage: target, at: now };
  const changes = await moveAndAppend(tx, model, move, pending, input.actor, { reason: input.reason, approvedBy: input.approvedBy });
  return { version, archived: displaced, changes };
}

type Row = Record<string, unknown>;

/**
 * By the log: of the versions other than the current holder, the one whose last stay in `stage`
 * ended most recently (its latest exit from the stage). A deleted one is not put back.
 */
async function previousHolder(tx: EntityManager, model: Model, stage: StoredStage): Promise<VersionSelector | NotFoundError> {
  const [row] = await tx.execute<{ number: number; deleted: boolean }[]>(
    `select v.number, v.deleted_at is not null as deleted
     from stage_change c join model_version v on v.id = c.model_version_id
     where c.model_id = ? and c.from_stage = ?
       and c.model_version_id is distinct from (select h.id from model_version h where h.model_id = ? and h.stage = ?)
     order by c.id desc limit 1`,
    [model.id, stage, model.id, stage],
  );
  if (!row) return new NotFoundError(`no version of ${model.name} held ${stage.toUpperCase()} before the current holder: nothing to roll back to`);
  if (row.deleted) return new NotFoundError(`version ${row.number} of ${model.name}, which held ${stage.toUpperCase()} before, was deleted`);
  return { version: String(row.number) };
}

/** Whether `expected` names the holder of `stage` ("none": no holder), under the model's lock. */
async function checkExpectedHolder(tx: EntityManager, model: Model, stage: StoredStage, holder: Row | undefined, expected: string): Promise<PreconditionFailedError | undefined> {
  const actual = holder ? tx.map(ModelVersion, holder) : null;
  let matches: boolean;
  if (expected.trim().toLowerCase() === 'none') matches = actual === null;
  else {
    const selector = parseVersionText(expected);
    if (actual === null) matches = false;
    else if (selector.version !== undefined) {
      const key = versionKey(selector.version);
      matches = 'number' in key ? actual.number === key.number : actual.name === key.name;
    } else matches = (await resolveVersion(tx, model, selector))?.id === actual.id;
  }
  if (matches) return undefined;
  const holds = actual ? `version ${actual.name} (number ${actual.number}) holds it` : 'no version holds it';
  return new PreconditionFailedError(`expected ${JSON.stringify(expected)} to hold ${stage.toUpperCase()} of ${model.name}, but ${holds}; nothing changed`, actual);
}

async function archive(tx: EntityManager, id: string, now: Date): Promise<Row | undefined> {
  const [row] = await tx.execute<Row[]>(`update model_version set stage = 'archived', updated_at = ? where id = ? returning *`, [now, id]);
  return row;
}

/**
 * One statement: the version the selector names, the version holding `target` (for STAGING and
 * PRODUCTION), and, when `clear` and they differ, that holder archived. The holder must leave
 * the stage in an earlier statement than the one that moves the new version in, or the partial
 * unique index refuses the move. `holder` is the row as it was; `archived` as it is now.
 */
async function readAndClear(tx: EntityManager, model: Model, selector: VersionSelector, target: StoredStage, clear: boolean, now: Date) {
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
    [...chosen.params, model.id, target, isUniqueStage(target), now, clear],
  );
  const byRole = new Map(rows.map(({ role, ...columns }) => [role, columns as Row]));
  return { chosen: byRole.get('chosen'), holder: byRole.get('holder'), archived: byRole.get('archived') };
}
