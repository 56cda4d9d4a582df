import { Reference } from '@mikro-orm/core';
import type { DirectPool } from '../db/direct-pool.js';
import { StageChange, type StoredStage } from '../entities/index.js';
import type { MoveInput, StageMoved } from './promotion.js';
import { modelFromRow, versionWithModel, type Row } from './direct-reads.js';
import { parseVersionText, versionKey } from './resolution.js';
import { LOG_APPEND_LOCK_KEY, STAGE_LOG_CHANNEL } from '../live/stage-log.js';

/**
 * The common promotion in one round trip: setStage by version name or number, forced or not,
 * with none of expectedHolder, dryRun, an idempotency key or approvals, runs as one call of
 * `modelstage_set_stage` (migration 0006) in a transaction of its own, through `pg` directly.
 *
 * Why: the general path (moveInTransaction in a MikroORM transaction) is five round trips
 * (BEGIN, the lock, the read, the move with its log append, COMMIT), each with knex's and the
 * ORM's client-side work; the profile of `npm run bench:promotions` put most of the server's CPU
 * per promotion there. The function makes the same changes in the same order under the same
 * locks (see the migration), so the log's commit order, the outbox trigger and the NOTIFY at
 * commit are those of the general path.
 *
 * Undefined when the call is not for this path or the function answered 'fallback' (nothing
 * changed): the caller then takes the general path, which gives every other answer and error.
 * The answer is plain instances of the entity classes built from the rows the function returned
 * (as services/direct-reads.ts builds its reads): nothing changes or flushes them, and the
 * resolvers need only their fields, so MikroORM's identity map and snapshots would be work after
 * COMMIT that the answer does not use. Every relation the answer can reach is one of these rows
 * (the locked model, the moved and archived versions), so none needs a query either.
 */
export async function fastSetStage(pool: DirectPool, input: MoveInput & { idempotencyKey?: string | null }): Promise<StageMoved | undefined> {
  if (typeof input.version !== 'string' || input.dryRun || input.expectedHolder != null || input.idempotencyKey != null || input.requestOnly || input.approvedBy?.length) {
    return undefined;
  }
  const selector = parseVersionText(input.version);
  if (selector.version === undefined) return undefined; // By stage (LATEST, …): resolved by the general path.
  const key = versionKey(selector.version);
  const rows = await pool.query<{ role: string; data: Record<string, unknown> | null }>('select role, data from modelstage_set_stage(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    input.model,
    'number' in key ? key.number : null,
    'name' in key ? key.name : null,
    input.stage,
    input.force,
    input.actor,
    input.reason ?? null,
    new Date(),
    LOG_APPEND_LOCK_KEY,
    STAGE_LOG_CHANNEL,
  ]);
  if (rows.length === 0 || rows[0]!.role === 'fallback') return undefined;
  const byRole = new Map<string, Row[]>();
  for (const { role, data } of rows) byRole.set(role, [...(byRole.get(role) ?? []), fromJson(data!)]);
  const model = Reference.create(modelFromRow(byRole.get('model')![0]!));
  const version = versionWithModel(byRole.get('version')![0]!, model);
  const archived = (byRole.get('archived') ?? []).map((row) => versionWithModel(row, model));
  const versions = new Map([version, ...archived].map((moved) => [moved.id, Reference.create(moved)]));
  const changes = (byRole.get('change') ?? [])
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row) => changeFromRow(row, model, versions.get(row.model_version_id as string)!));
  return { version, archived, changes };
}

function changeFromRow(row: Row, model: StageChange['model'], version: StageChange['modelVersion']): StageChange {
  const change = new StageChange();
  change.id = row.id as string;
  change.model = model;
  change.modelVersion = version;
  change.fromStage = row.from_stage as StoredStage;
  change.toStage = row.to_stage as StoredStage;
  change.forced = row.forced as boolean;
  change.displaced = row.displaced as boolean;
  change.actor = row.actor as string | null;
  change.reason = row.reason as string | null;
  change.approvedBy = row.approved_by as string[];
  change.transactionId = row.transaction_id as string;
  change.occurredAt = row.occurred_at as Date;
  return change;
}

const ID_COLUMNS = ['id', 'model_id', 'model_version_id'];
const TIME_COLUMNS = ['created_at', 'updated_at', 'deleted_at', 'occurred_at'];

/** A row as `pg` would give it, from its to_jsonb: bigint ids (JSON numbers) as text, timestamps (ISO text) as Dates. */
function fromJson(row: Row): Row {
  for (const column of ID_COLUMNS) if (typeof row[column] === 'number') row[column] = String(row[column]);
  for (const column of TIME_COLUMNS) if (typeof row[column] === 'string') row[column] = new Date(row[column]);
  return row;
}
