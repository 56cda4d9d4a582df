import type { MikroORM } from '@mikro-orm/postgresql';
import type { PgListener } from '../live/pg-listener.js';
import type { StageFeed } from '../live/log-feed.js';
import type { MetricSources } from './metrics.js';

/**
 * The webhook outbox as the metrics read it: one row per message and webhook, PENDING until
 * delivered or failed. Kept to these three names so that the gauge follows the webhooks
 * migration with a change here only.
 */
const OUTBOX = { table: 'webhook_delivery', status: 'status', pending: 'pending', createdAt: 'created_at' } as const;

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

/** Where an instance's scrape-time figures come from: its feed, its LISTEN connection, its pool, the database. */
export function instanceSources(
  orm: MikroORM,
  feed: StageFeed,
  listener: PgListener,
  cache: { hits: number; joined: number; misses: number; size: number } | undefined,
  barrier: { sent: number; failed: number },
): MetricSources {
  const query = <T>(sql: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(sql, params);
  return {
    feedLag: async () => {
      const [row] = await query<{ changes: string; oldest: number | null }>(
        'select count(*) as changes, extract(epoch from now() - min(occurred_at))::float8 as oldest from stage_change where id > ?',
        [feed.deliveredCursor],
      );
      return { changes: Number(row?.changes ?? 0), oldestSeconds: Math.max(0, row?.oldest ?? 0) };
    },
    webhookBacklog: async () => {
      // The outbox arrives with the webhooks migration; until then (or on a database that
      // lacks it) the gauge is absent instead of failing the scrape.
      const [present] = await query<{ exists: boolean }>('select to_regclass(?) is not null as exists', [OUTBOX.table]);
      if (!present?.exists) return null;
      const [row] = await query<{ messages: string; oldest: number | null }>(
        `select count(*) as messages, extract(epoch from now() - min("${OUTBOX.createdAt}"))::float8 as oldest
         from "${OUTBOX.table}" where "${OUTBOX.status}" = ?`,
        [OUTBOX.pending],
      );
      return { messages: Number(row?.messages ?? 0), oldestSeconds: Math.max(0, row?.oldest ?? 0) };
    },
    listenConnected: () => listener.connected,
    readCache: () => ({ hits: cache?.hits ?? 0, joined: cache?.joined ?? 0, misses: cache?.misses ?? 0, models: cache?.size ?? 0, barriers: barrier.sent, failedBarriers: barrier.failed }),
    pool: () => {
      const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
      if (!pool) return { used: 0, free: 0, pending: 0, max: 0 };
      return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() + pool.numPendingCreates(), max: pool.max };
    },
  };
}
