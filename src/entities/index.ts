import { ApiTokenSchema } from './api-token.js';
import { IdempotencyKeySchema } from './idempotency-key.js';
import { ModelSchema } from './model.js';
import { ModelVersionSchema } from './model-version.js';
import { StageChangeSchema } from './stage-change.js';
import { PromotionRequestEventSchema, PromotionRequestSchema, PromotionReviewSchema } from './promotion-request.js';
import { StagePolicySchema } from './stage-policy.js';
import { WebhookSchema } from './webhook.js';
import { WebhookDeliverySchema } from './webhook-delivery.js';

export { ApiToken, SCOPES, type Scope } from './api-token.js';
export { IdempotencyKey } from './idempotency-key.js';
export { Model } from './model.js';
export { ModelVersion } from './model-version.js';
export { StageChange } from './stage-change.js';
export * from './stage.js';
export { StagePolicy } from './stage-policy.js';
export * from './promotion-request.js';
export { Webhook, WEBHOOK_EVENTS, type WebhookEventName } from './webhook.js';
export { WebhookDelivery, DELIVERY_STATUSES, type DeliveryStatus } from './webhook-delivery.js';

export const entitySchemas = [
  ModelSchema,
  ModelVersionSchema,
  StageChangeSchema,
  ApiTokenSchema,
  IdempotencyKeySchema,
  WebhookSchema,
  WebhookDeliverySchema,
  // Governance (migration 0005).
  StagePolicySchema,
  PromotionRequestSchema,
  PromotionReviewSchema,
  PromotionRequestEventSchema,
];
