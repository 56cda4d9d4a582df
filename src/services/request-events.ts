import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PromotionRequestEvent, type PromotionRequest } from '../entities/index.js';
import { globalId } from '../schema/node.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { LOG_APPEND_LOCK_KEY } from './stage-log.js';
import { LogFeed } from './stage-feed.js';

/** Told to every instance when a request changed; the payload is only a hint. */
export const PROMOTION_REQUEST_CHANNEL = 'modelstage_promotion_requests';
/**
 * Records one change of a request inside the caller's transaction, to be announced once it
 * commits: an event row for the `promotionRequestChanged` feed and a notification that
 * PostgreSQL delivers at commit and drops on rollback, then the webhook message
 * (`promotion_request.updated`) through the outbox. Event ids are drawn under the stage log's
 * append lock, the one lock every ordered append takes (log rows, webhook messages, these), so
 * they become visible in commit order (see stage-log.ts) and no two appends ever wait for each
 * other in opposite orders. Call it last in the transaction.
 */
export async function recordRequestChange(tx: EntityManager, request: PromotionRequest): Promise<void> {
  const [row] = await tx.execute<{ model: string; version: string; number: number; approvals: number }[]>(
    `with event_lock as (select pg_advisory_xact_lock(?) as held),
     appended as (insert into promotion_request_event (request_id) select ? from event_lock returning id),
     notified as (select pg_notify(?, (select id from appended)::text) as sent)
     select m.name as model, v.name as version, v.number,
       (select count(*)::int from promotion_review w where w.request_id = r.id and w.approved) as approvals
     from promotion_request r join model m on m.id = r.model_id join model_version v on v.id = r.model_version_id, notified
     where r.id = ?`,
    [LOG_APPEND_LOCK_KEY, request.id, PROMOTION_REQUEST_CHANNEL, request.id],
  );
  await enqueueEvent(tx, {
    event: 'promotion_request_updated',
    modelId: request.model.id,
    data: {
      id: globalId('PromotionRequest', request.id),
      model: row!.model,
      version: row!.version,
      number: row!.number,
      stage: request.stage.toUpperCase(),
      force: request.force,
      status: request.status.toUpperCase(),
      requestedBy: request.requestedBy,
      approvals: row!.approvals,
      requiredApprovals: request.requiredApprovals,
    },
  });
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
