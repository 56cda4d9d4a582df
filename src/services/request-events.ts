import type { EntityManager } from '@mikro-orm/postgresql';
import type { PromotionRequest } from '../entities/index.js';
import { globalId } from '../schema/node.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { PROMOTION_REQUEST_CHANNEL } from '../live/request-feed.js';
import { LOG_APPEND_LOCK_KEY } from '../live/stage-log.js';

/**
 * Records one change of a request inside the caller's transaction, to be announced once it
 * commits: an event row for the `promotionRequestChanged` feed and a notification that
 * PostgreSQL delivers at commit and drops on rollback, then the webhook message
 * (`promotion_request.updated`) through the outbox. Event ids are drawn under the stage log's
 * append lock, the one lock every ordered append takes (log rows, webhook messages, these), so
 * they become visible in commit order (see live/stage-log.ts) and no two appends ever wait for each
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
