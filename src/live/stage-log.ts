import type { FilterQuery, ObjectQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadRequestError } from '../services/errors.js';
import { StageChange, type Model, type ModelVersion, type StoredStage } from '../entities/index.js';
import { pageOf, pageSize, parseLogCursor, toPage, type Page } from '../services/pagination.js';

/**
 * The channel that tells every instance "the log grew". Its payload is the highest id the
 * notifying transaction appended: a feed with no subscriber moves its head there without reading
 * (live/log-feed.ts), so every producer must send that or nothing.
 */
export const STAGE_LOG_CHANNEL = 'modelstage_stage_log';

/** Any constant: all instances must use the same one (webhook messages are drawn under it too). */
export const LOG_APPEND_LOCK_KEY = 0x6d73_6c67; // "mslg"

export interface PendingChange {
  version: ModelVersion;
  from: StoredStage;
  to: StoredStage;
  forced: boolean;
  displaced: boolean;
}

/** What a call records on every row it commits, beside its actor. */
export interface ChangeAnnotations {
  reason?: string | null;
  /** Names of the tokens whose approvals let the move through (stage policies). */
  approvedBy?: readonly string[];
}

/** The version a promotion moves into its stage, written in the statement that logs the move. */
export interface StageMove {
  versionId: string;
  stage: StoredStage;
  at: Date;
}

/**
 * Moves a version into its stage and appends the changes to the log, in one statement inside
 * the caller's transaction, then signals listeners; answers the new log rows. The lock reads
 * from the move (`moved`), so PostgreSQL finishes that write (and any wait for its row locks)
 * before taking the lock, which then covers only the append.
 *
 * Why the lock: a bigserial value is taken at insert, not at commit, so without it transaction
 * A could take id 7, transaction B id 8, and B commit first; a reader that saw 8 and resumes
 * "after 8" would never see 7. The transaction-scoped advisory lock is taken before the ids are
 * drawn and held until commit or rollback, so the transaction that draws lower ids has committed
 * (or vanished) before another can draw any: ids become visible in increasing order, and "read
 * everything after the last id I saw" never skips a row. It serializes only this short tail of a
 * promotion; PostgreSQL already serializes the commits of notifying transactions anyway.
 *
 * `pg_notify` runs through the transaction's own connection, so PostgreSQL delivers it at commit
 * and drops it on rollback. One statement, so the lock is held for a single round trip before the
 * commit: the insert reads from `log_lock`, so its ids are drawn only once the lock is ours;
 * `log_notified` reads the inserted rows, so it runs after them.
 */
export async function moveAndAppend(
  tx: EntityManager,
  model: Model,
  move: StageMove,
  pending: PendingChange[],
  actor: string | null,
  annotations: ChangeAnnotations = {},
): Promise<StageChange[]> {
  const rows = pending.map((change, order) => ({
    order,
    version_id: change.version.id,
    from_stage: change.from,
    to_stage: change.to,
    forced: change.forced,
    displaced: change.displaced,
  }));
  const appended = await tx.execute<Record<string, unknown>[]>(
    `with moved as (update model_version set stage = ?, updated_at = ? where id = ? returning id),
     log_lock as (select pg_advisory_xact_lock(?) as held from (select count(*) from moved) as written),
     log_appended as (
       insert into stage_change (model_id, model_version_id, from_stage, to_stage, forced, displaced, actor, reason, approved_by, transaction_id, occurred_at)
       select ?, r.version_id, r.from_stage, r.to_stage, r.forced, r.displaced, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), pg_current_xact_id()::text, clock_timestamp()
       from log_lock, jsonb_to_recordset(?::jsonb) as r("order" int, version_id bigint, from_stage text, to_stage text, forced boolean, displaced boolean)
       order by r."order"
       returning *
     ),
     log_notified as (select pg_notify(?, (select max(id) from log_appended)::text) as sent)
     select log_appended.* from log_appended, log_notified order by log_appended.id`,
    [
      move.stage,
      move.at,
      move.versionId,
      LOG_APPEND_LOCK_KEY,
      model.id,
      actor,
      annotations.reason ?? null,
      JSON.stringify(annotations.approvedBy ?? []),
      JSON.stringify(rows),
      STAGE_LOG_CHANNEL,
    ],
  );
  return appended.map((row) => tx.map(StageChange, row));
}

const LOG_RELATIONS = ['model', 'modelVersion'] as const;

/** Log rows after a cursor in log order, with their model and version loaded. */
export function readLogAfter(em: EntityManager, after: string | undefined, options: { modelName?: string; limit: number }): Promise<StageChange[]> {
  return em.find(
    StageChange,
    {
      ...(after !== undefined ? { id: { $gt: after } } : {}),
      ...(options.modelName !== undefined ? { model: { name: options.modelName } } : {}),
    },
    { orderBy: { id: 'asc' }, limit: options.limit, populate: LOG_RELATIONS },
  );
}

/** The highest position in the log, or "0" when it is empty. */
export async function logHead(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ head: string | null }[]>('select max(id)::text as head from stage_change');
  return row?.head ?? '0';
}

/** Either `first` behind `after` (oldest first), or the `last` ones before `before` (the newest). */
export interface LogPageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page of the global log, or one model's, in commit order. */
export async function listStageChanges(em: EntityManager, args: LogPageArgs & { modelName?: string | null }): Promise<Page<StageChange>> {
  if (args.modelName == null) return logPage(em, {}, args, LOG_RELATIONS);
  return logPage(em, { model: (await modelIdForLog(em, args.modelName)) ?? '0' }, args, LOG_RELATIONS);
}

/**
 * The model whose log a name stands for: the live model of that name, else the one deleted
 * last, so a deleted model's history stays readable by its name until a new model takes it.
 */
export async function modelIdForLog(em: EntityManager, name: string): Promise<string | undefined> {
  const [row] = await em.execute<{ id: string }[]>('select id from model where name = ? order by deleted_at desc nulls first limit 1', [name]);
  return row?.id;
}

/** One version's changes, in commit order. */
export function versionHistory(em: EntityManager, versionId: string, args: LogPageArgs): Promise<Page<StageChange>> {
  return logPage(em, { modelVersion: versionId }, args, []);
}

/**
 * Reads a window of the log. Pages always list changes oldest first; with `last` the window is
 * taken from the newest end, so a feed can show what happened most recently.
 */
async function logPage(em: EntityManager, where: ObjectQuery<StageChange>, args: LogPageArgs, populate: readonly ('model' | 'modelVersion')[]): Promise<Page<StageChange>> {
  if (args.last != null || args.before != null) {
    if (args.first != null || args.after != null) throw new BadRequestError('give first/after or last/before, not both');
    const limit = pageSize(args.last, 'last');
    const before = parseLogCursor(args.before, 'before');
    const rows = await em.find(StageChange, { ...where, ...(before !== undefined ? { id: { $lt: before } } : {}) } as FilterQuery<StageChange>, {
      orderBy: { id: 'desc' },
      limit: limit + 1,
      populate,
    });
    return pageOf(rows.slice(0, limit).reverse(), (change) => change.id, { hasNextPage: before !== undefined, hasPreviousPage: rows.length > limit });
  }
  const limit = pageSize(args.first);
  const after = parseLogCursor(args.after);
  const rows = await em.find(StageChange, { ...where, ...(after !== undefined ? { id: { $gt: after } } : {}) } as FilterQuery<StageChange>, {
    orderBy: { id: 'asc' },
    limit: limit + 1,
    populate,
  });
  return toPage(rows, limit, (change) => change.id, after !== undefined);
}
