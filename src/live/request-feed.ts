import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PromotionRequestEvent } from '../entities/index.js';
import { LogFeed } from './log-feed.js';
import type { Revocations } from './revocations.js';

/**
 * Told to every instance when a request changed; the payload is the event's id (a feed with no
 * subscriber moves its head there without reading, see live/log-feed.ts). The rows are
 * appended by services/request-events.ts (recordRequestChange), inside the changing transaction.
 */
export const PROMOTION_REQUEST_CHANNEL = 'modelstage_promotion_requests';

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
export function promotionRequestFeed(orm: MikroORM, revocations: Revocations, log?: (message: string) => void, maxQueue?: number): LogFeed<PromotionRequestEvent> {
  return new LogFeed(
    orm,
    {
      head: requestEventsHead,
      readAfter: readRequestEventsAfter,
      modelName: (event) => event.request.unwrap().model.unwrap().name,
      overflowReason: (limit) => `subscriber fell more than ${limit} request changes behind`,
    },
    revocations,
    log,
    maxQueue,
  );
}
