import type { Webhook, WebhookDelivery } from '../entities/index.js';
import type { WebhookId } from '../services/webhooks.js';
import { builder } from './builder.js';
import { parseGlobalId } from './global-ids.js';

/** Declared apart so that webhook.ts and webhook-delivery.ts may refer to each other. */
export const WebhookRef = builder.objectRef<Webhook>('Webhook');
export const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery');

export const WebhookEventEnum = builder.enumType('WebhookEvent', {
  description: 'What a webhook is sent for.',
  values: {
    STAGE_CHANGED: { value: 'stage_changed', description: 'Every committed StageChange (message type `stage.changed`).' },
    VERSION_CREATED: { value: 'version_created', description: 'Every new version (message type `version.created`).' },
    PROMOTION_REQUEST_UPDATED: {
      value: 'promotion_request_updated',
      description: 'A promotion request opened, approved, rejected, cancelled or applied (message type `promotion_request.updated`).',
    },
  } as const,
});

/** The database id a global id names when it is of `type`, beside the id as given (for messages). */
export function idOf(type: 'Webhook' | 'WebhookDelivery', given: string): WebhookId {
  const parsed = parseGlobalId(given);
  return { id: parsed?.type === type ? parsed.id : undefined, given };
}
