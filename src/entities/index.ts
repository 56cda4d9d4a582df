import { ApiTokenSchema } from './api-token.js';
import { ModelSchema } from './model.js';
import { ModelVersionSchema } from './model-version.js';
import { StageChangeSchema } from './stage-change.js';
import { PromotionRequestEventSchema, PromotionRequestSchema, PromotionReviewSchema } from './promotion-request.js';
import { StagePolicySchema } from './stage-policy.js';

export { ApiToken, SCOPES, type Scope } from './api-token.js';
export { Model } from './model.js';
export { ModelVersion } from './model-version.js';
export { StageChange } from './stage-change.js';
export * from './stage.js';
export { StagePolicy } from './stage-policy.js';
export * from './promotion-request.js';

export const entitySchemas = [
  ModelSchema,
  ModelVersionSchema,
  StageChangeSchema,
  ApiTokenSchema,
  // Governance (migration 0005).
  StagePolicySchema,
  PromotionRequestSchema,
  PromotionReviewSchema,
  PromotionRequestEventSchema,
];
