import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PromotionRequestEvent, type PromotionRequest } from '../entities/index.js';
import { LogFeed } from './stage-feed.js';

/** Told to every instance when a request changed; the payload is only a hint. */
export const PROMOTION_REQUEST_CHANNEL = 'modelstage_promotion_requests';
/** Any constant: all instances must use the same one. */
const REQUEST_EVENT_LOCK_KEY = 0x6d73_7072; // "mspr"

/**
 * Records one change of a request inside the caller's transaction, to be announced once it
 * commits: an event row for the feed and a notification that PostgreSQL delivers at commit and
 * drops on rollback. The advisory lock makes event ids visible in commit order (as for the stage
 * log, see stage-log.ts), so the feed's "read after the last id" never skips one. It is the
 * transaction's last statement, after any stage-log append, so the two locks are always taken
 * in one order.
 */
export async function recordRequestChange(tx: EntityManager, request: PromotionRequest): Promise<void> {
  await tx.execute(
    `with event_lock as (select pg_advisory_xact_lock(?) as held),
     appended as (insert into promotion_request_event (request_id) select ? from event_lock returning id)
     select pg_notify(?, (select id from appended)::text)`,
    [REQUEST_EVENT_LOCK_KEY, request.id, PROMOTION_REQUEST_CHANNEL],
  );
}

/** Events after a cursor, in commit order, with their request and its model loaded. */
export function readRequestEventsAfter(em: EntityManager, after: string, options: { modelName?: string; limit: number }): Promise<PromotionRequestEvent[]> {
  return em.find(
    PromotionRequestEvent,
    { id: { $gt: after }, ...(options.modelName !== undefined ? { request: { model: { name: options.modelName } } } : {}) },
    { orderBy: { id: 'asc' }, limit: options.limit, populate: ['request', 'request.model'] },
  );
}

export async function requestEventsHead(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ head: string | null }[]>('select max(id)::text as head from promotion_request_event');
  return row?.head ?? '0';
}

/** The feed behind `promotionRequestChanged`: live only, announced once each change commits. */
export function promotionRequestFeed(orm: MikroORM, log?: (message: string) => void, maxQueue?: number): LogFeed<PromotionRequestEvent> {
  return new LogFeed(
    orm,
    {
      head: requestEventsHead,
      readAfter: readRequestEventsAfter,
      modelName: (event) => event.request.unwrap().model.unwrap().name,
      overflowReason: (limit) => `subscriber fell more than ${limit} request changes behind`,
    },
    log,
    maxQueue,
  );
}
