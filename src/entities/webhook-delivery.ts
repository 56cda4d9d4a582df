import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Webhook, WebhookEventName } from './webhook.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message to one webhook (a row of the outbox) and what became of its attempts. Rows are
 * made by modelstage_webhook_enqueue (migration 0004) in the event's transaction, never here.
 */
export class WebhookDelivery {
  [OptionalProps]?: 'status' | 'inLine' | 'redeliver' | 'attempts' | 'createdAt';
  id!: string;
  webhook!: Ref<Webhook>;
  event!: WebhookEventName;
  messageId!: string;
  payload!: unknown;
  status: DeliveryStatus = 'pending';
  /** In its webhook's ordered queue: pending and not yet given up. Its head is attempted first. */
  inLine = true;
  /** An out-of-turn attempt was asked for (redeliverWebhook). */
  redeliver = false;
  attempts = 0;
  createdAt: Date = new Date();
  lastAttemptAt: Date | null = null;
  lastResponseStatus: number | null = null;
  lastError: string | null = null;
  nextAttemptAt: Date | null = null;
  /** An instance is making an attempt until then (a crashed one's claim lapses). */
  leasedUntil: Date | null = null;
  deliveredAt: Date | null = null;
}

export const WebhookDeliverySchema = new EntitySchema<WebhookDelivery>({
  class: WebhookDelivery,
  tableName: 'webhook_delivery',
  indexes: [
    { name: 'webhook_delivery_queue', expression: 'create index "webhook_delivery_queue" on "webhook_delivery" ("webhook_id", "id") where in_line' },
    { name: 'webhook_delivery_log', properties: ['webhook', 'status', 'id'] },
    { name: 'webhook_delivery_redeliver', expression: 'create index "webhook_delivery_redeliver" on "webhook_delivery" ("id") where redeliver' },
    { name: 'webhook_delivery_created', properties: ['createdAt'] },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    webhook: { kind: 'm:1', entity: 'Webhook', ref: true, deleteRule: 'cascade' },
    event: { type: 'text' },
    messageId: { type: 'text' },
    payload: { type: 'jsonb' },
    status: { enum: true, items: () => [...DELIVERY_STATUSES], default: 'pending' },
    inLine: { type: 'boolean', default: true },
    redeliver: { type: 'boolean', default: false },
    attempts: { type: 'integer', default: 0 },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
    lastAttemptAt: { type: 'timestamptz', nullable: true },
    lastResponseStatus: { type: 'integer', nullable: true },
    lastError: { type: 'text', nullable: true },
    nextAttemptAt: { type: 'timestamptz', nullable: true },
    leasedUntil: { type: 'timestamptz', nullable: true },
    deliveredAt: { type: 'timestamptz', nullable: true },
  },
});
