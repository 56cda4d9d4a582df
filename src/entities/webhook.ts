import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';

/** What a webhook may be sent for; stored lowercase, as GraphQL's WebhookEvent in upper case. */
export const WEBHOOK_EVENTS = ['stage_changed', 'version_created', 'promotion_request_updated'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/**
 * An HTTP endpoint that receives signed messages. The secret is kept as given (HMAC needs it)
 * and never leaves the server except once, in the answer that created or rotated it.
 */
export class Webhook {
  [OptionalProps]?: 'active' | 'createdAt' | 'description' | 'model' | 'previousSecret' | 'previousSecretUntil';
  id!: string;
  url!: string;
  events!: WebhookEventName[];
  /** Only this model's events; null: every model. */
  model: Ref<Model> | null = null;
  description: string | null = null;
  active = true;
  secret!: string;
  /** After a rotation, the old secret still signs (beside the new one) until previousSecretUntil. */
  previousSecret: string | null = null;
  previousSecretUntil: Date | null = null;
  createdAt: Date = new Date();
}

export const WebhookSchema = new EntitySchema<Webhook>({
  class: Webhook,
  tableName: 'webhook',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    url: { type: 'text' },
    events: { type: 'text[]' },
    model: { kind: 'm:1', entity: 'Model', ref: true, nullable: true, deleteRule: 'cascade' },
    description: { type: 'text', nullable: true },
    active: { type: 'boolean', default: true },
    secret: { type: 'text', hidden: true },
    previousSecret: { type: 'text', nullable: true, hidden: true },
    previousSecretUntil: { type: 'timestamptz', nullable: true },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});
