import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** How long a key is kept: the contract promises at least 24 hours. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** The first half of the advisory lock's two-part key; any constant shared by every instance. */
const KEY_LOCK_SPACE = 0x6d73_696b; // "msik"

/** Whose key space a key lives in: keys are per token, and the environment's admin token has no id. */
export function keyOwner(tokenId: string | null | undefined): string {
  return tokenId ?? 'admin';
}

/** A digest of a call's arguments, so a key reused for another call is recognised. */
export function argumentsHash(operation: string, args: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([operation, ...args])).digest('hex');
}

export interface UsedKey {
  argumentsHash: string;
  changeIds: string[];
}

/**
 * Serializes the calls that carry one key, for the rest of the caller's transaction: a second
 * call with the key waits here until the first commits or rolls back, then sees its row (or
 * none) in its next statement. Taken before any other lock of a promotion, so lock order is
 * always key, then model. (Two int4 halves: a key space apart from the log's one-bigint lock; the owner is an id or
 * `admin`, so `owner:key` is unambiguous.)
 */
export async function lockKey(tx: EntityManager, owner: string, key: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [KEY_LOCK_SPACE, `${owner}:${key}`]);
}

/** The key's committed call, unless it is older than the kept period (then it is free again). */
export async function findUsedKey(em: EntityManager, owner: string, key: string): Promise<UsedKey | undefined> {
  const [row] = await em.execute<{ arguments_hash: string; change_ids: string[] }[]>(
    `select arguments_hash, change_ids::text[] as change_ids from idempotency_key
     where owner = ? and key = ? and created_at > now() - make_interval(hours => ?)`,
    [owner, key, IDEMPOTENCY_KEY_TTL_HOURS],
  );
  return row ? { argumentsHash: row.arguments_hash, changeIds: row.change_ids } : undefined;
}

/** Records what a call committed under its key, in the call's own transaction. */
export async function recordKey(tx: EntityManager, owner: string, key: string, hash: string, changeIds: readonly string[]): Promise<void> {
  await tx.execute(
    `insert into idempotency_key (owner, key, arguments_hash, change_ids) values (?, ?, ?, ?::bigint[])
     on conflict (owner, key) do update set arguments_hash = excluded.arguments_hash, change_ids = excluded.change_ids, created_at = now()`,
    [owner, key, hash, `{${changeIds.join(',')}}`],
  );
}

/** Drops keys past the kept period; the server runs it at start and then every hour. */
export async function pruneIdempotencyKeys(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ pruned: number }[]>(
    `with pruned as (delete from idempotency_key where created_at <= now() - make_interval(hours => ?) returning 1)
     select count(*)::int as pruned from pruned`,
    [IDEMPOTENCY_KEY_TTL_HOURS],
  );
  return rows[0]?.pruned ?? 0;
}

/** Prunes now and then hourly until the returned function is called; a failed run waits for the next. */
export function startKeyPruning(orm: MikroORM, log: (line: string) => void): () => void {
  const prune = () => void pruneIdempotencyKeys(orm.em.fork()).catch((error: unknown) => log(`idempotency keys not pruned: ${(error as Error).message.split('\n')[0]}`));
  prune();
  const timer = setInterval(prune, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
