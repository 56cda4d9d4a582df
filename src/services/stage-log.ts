import type { EntityManager } from '@mikro-orm/postgresql';
import { StageChange, type Model, type ModelVersion, type StoredStage } from '../entities/index.js';
import { pageSize, parseLogCursor, toPage, type Page } from './pagination.js';

/** The channel that tells every instance "the log grew". Its payload is only a hint. */
export const STAGE_LOG_CHANNEL = 'modelstage_stage_log';

/** Any constant: all instances must use the same one. */
const LOG_APPEND_LOCK_KEY = 0x6d73_6c67; // "mslg"

export interface PendingChange {
  version: ModelVersion;
  from: StoredStage;
  to: StoredStage;
  forced: boolean;
  displaced: boolean;
}

/**
 * Appends changes to the log inside the caller's transaction, then signals listeners.
 *
 * Why the lock: a bigserial value is taken at insert, not at commit, so without it transaction
 * A could take id 7, transaction B id 8, and B commit first; a reader that saw 8 and resumes
 * "after 8" would never see 7. The transaction-scoped advisory lock is taken before the ids are
 * drawn and held until commit or rollback, so the transaction that draws lower ids has committed
 * (or vanished) before another can draw any: ids become visible in increasing order, and "read
 * everything after the last id I saw" never skips a row. It serializes only this short tail of a
 * promotion; PostgreSQL already serializes the commits of notifying transactions anyway.
 *
 * `pg_notify` runs through the transaction's own connection (`tx.execute`), so PostgreSQL delivers
 * it at commit and drops it on rollback.
 */
export async function appendToLog(tx: EntityManager, model: Model, pending: PendingChange[], actor: string | null): Promise<StageChange[]> {
  if (pending.length === 0) return [];
  const [row] = await tx.execute<{ xid: string }[]>('select pg_advisory_xact_lock(?), pg_current_xact_id()::text as xid', [LOG_APPEND_LOCK_KEY]);
  const transactionId = row!.xid;
  const changes = pending.map((change) =>
    tx.create(StageChange, {
      model,
      modelVersion: change.version,
      fromStage: change.from,
      toStage: change.to,
      forced: change.forced,
      displaced: change.displaced,
      actor,
      transactionId,
    }),
  );
  await tx.flush();
  await tx.execute('select pg_notify(?, ?)', [STAGE_LOG_CHANNEL, changes.at(-1)!.id]);
  return changes;
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

/** A page of the global log, or one model's, in commit order. */
export async function listStageChanges(em: EntityManager, args: { modelName?: string | null; first?: number | null; after?: string | null }): Promise<Page<StageChange>> {
  const limit = pageSize(args.first);
  const after = parseLogCursor(args.after);
  const rows = await readLogAfter(em, after, { modelName: args.modelName ?? undefined, limit: limit + 1 });
  return toPage(rows, limit, (change) => change.id, after !== undefined);
}

/** One version's changes, oldest first. */
export async function versionHistory(em: EntityManager, versionId: string, args: { first?: number | null; after?: string | null }): Promise<Page<StageChange>> {
  const limit = pageSize(args.first);
  const after = parseLogCursor(args.after);
  const rows = await em.find(
    StageChange,
    { modelVersion: versionId, ...(after !== undefined ? { id: { $gt: after } } : {}) },
    { orderBy: { id: 'asc' }, limit: limit + 1 },
  );
  return toPage(rows, limit, (change) => change.id, after !== undefined);
}
