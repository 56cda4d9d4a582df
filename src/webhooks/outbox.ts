import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookEventName } from '../entities/index.js';

/** The message type (`type` in the body) of each event. */
export const MESSAGE_TYPES: Record<WebhookEventName, string> = {
  stage_changed: 'stage.changed',
  version_created: 'version.created',
  promotion_request_updated: 'promotion_request.updated',
};

/** The body of a promotion_request.updated message, as the contract lists it. */
export interface PromotionRequestUpdatedData {
  id: string;
  model: string;
  version: string;
  number: number;
  stage: string;
  force: boolean;
  status: string;
  requestedBy: string;
  approvals: number;
  requiredApprovals: number;
}

export interface OutboxEvent<Data = Record<string, unknown>> {
  event: WebhookEventName;
  /** The model the event is about: webhooks limited to another model get no message. */
  modelId: string;
  /** When it happened (the body's `timestamp`); now by default. */
  at?: Date;
  /** The body's `data`: names not ids, enum names in upper case, times as ISO strings, ids as strings. */
  data: Data;
}

/**
 * Makes the event's webhook messages inside the caller's transaction: committed or rolled back
 * with it. Stage changes and new versions need no call (database triggers make theirs, see
 * migration 0004); this is for every other producer, such as promotion request updates:
 *
 *     await enqueueEvent(tx, { event: 'promotion_request_updated', modelId, data: { ... } });
 *
 * Call it last in the transaction, after every row lock it takes: while webhooks match, it takes
 * the stage log's append lock until commit (that is what keeps messages in commit order).
 * When no active webhook wants the event it only looks that up. One round trip.
 */
export async function enqueueEvent(tx: EntityManager, event: OutboxEvent<PromotionRequestUpdatedData | Record<string, unknown>>): Promise<number> {
  const body = { type: MESSAGE_TYPES[event.event], timestamp: (event.at ?? new Date()).toISOString(), data: event.data };
  const [row] = await tx.execute<{ made: number }[]>('select modelstage_webhook_enqueue(?, ?::jsonb) as made', [
    event.event,
    JSON.stringify([{ modelId: event.modelId, body }]),
  ]);
  return row?.made ?? 0;
}
