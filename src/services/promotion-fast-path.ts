import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectPool } from '../db/direct-pool.js';
import { ModelVersion, StageChange } from '../entities/index.js';
import type { MoveInput, StageMoved } from './promotion.js';
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
 * The rows come back mapped into the request's EntityManager, as the general path's fork merges
 * its entities into it after commit.
 */
export async function fastSetStage(pool: DirectPool, em: EntityManager, input: MoveInput & { idempotencyKey?: string | null }): Promise<StageMoved | undefined> {
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
  const mapped = (role: string) => rows.filter((row) => row.role === role).map((row) => withTextIds(row.data!));
  const [version] = mapped('version').map((row) => em.map(ModelVersion, row));
  const archived = mapped('archived').map((row) => em.map(ModelVersion, row));
  const changes = mapped('change')
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row) => em.map(StageChange, row));
  return { version: version!, archived, changes };
}

/** to_jsonb writes bigint ids as JSON numbers; the entities keep them as text. */
function withTextIds(row: Record<string, unknown>): Record<string, unknown> {
  for (const column of ['id', 'model_id', 'model_version_id']) if (typeof row[column] === 'number') row[column] = String(row[column]);
  return row;
}
