import { BigIntType, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { Model } from './model.js';
import type { ModelVersion } from './model-version.js';
import type { StoredStage } from './stage.js';

export const PROMOTION_REQUEST_STATUSES = ['pending', 'applied', 'rejected', 'cancelled'] as const;
export type PromotionRequestStatus = (typeof PROMOTION_REQUEST_STATUSES)[number];

/** A move into a stage whose policy needs approvals, waiting for or past its reviews. */
export class PromotionRequest {
  [OptionalProps]?: 'status' | 'createdAt' | 'decidedAt' | 'changeIds' | 'reason' | 'requestedByTokenId' | 'force';
  id!: string;
  model!: Ref<Model>;
  modelVersion!: Ref<ModelVersion>;
  stage!: StoredStage;
  force = false;
  reason: string | null = null;
  /** The requesting token's name (as shown) and id (who it is: null for MODELSTAGE_ADMIN_TOKEN). */
  requestedBy!: string;
  requestedByTokenId: string | null = null;
  status: PromotionRequestStatus = 'pending';
  /** The policy's number when the request opened. */
  requiredApprovals!: number;
  createdAt: Date = new Date();
  decidedAt: Date | null = null;
  /** The log rows the approval that applied it committed. */
  changeIds: string[] = [];
}

export const PromotionRequestSchema = new EntitySchema<PromotionRequest>({
  class: PromotionRequest,
  tableName: 'promotion_request',
  uniques: [
    {
      // One open request per version, stage and force: asking again answers the open one.
      name: 'promotion_request_one_open',
      expression: "create unique index promotion_request_one_open on promotion_request (model_version_id, stage, force) where status = 'pending'",
    },
  ],
  indexes: [
    { name: 'promotion_request_model_newest', properties: ['model', 'id'] },
    { name: 'promotion_request_status_newest', properties: ['status', 'id'] },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    model: { kind: 'm:1', entity: 'Model', ref: true, deleteRule: 'cascade' },
    modelVersion: { kind: 'm:1', entity: 'ModelVersion', ref: true, deleteRule: 'cascade' },
    stage: { type: 'text' },
    force: { type: 'boolean', default: false },
    reason: { type: 'text', nullable: true },
    requestedBy: { type: 'text' },
    requestedByTokenId: { type: new BigIntType('string'), nullable: true },
    status: { type: 'text', default: 'pending' },
    requiredApprovals: { type: 'integer' },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
    decidedAt: { type: 'timestamptz', nullable: true },
    changeIds: { type: 'text[]', default: '{}' },
  },
});

/** One token's approval or rejection of one request. */
export class PromotionReview {
  [OptionalProps]?: 'at' | 'comment' | 'reviewerTokenId';
  id!: string;
  request!: Ref<PromotionRequest>;
  reviewer!: string;
  /** Null for MODELSTAGE_ADMIN_TOKEN, which is one reviewer like any token. */
  reviewerTokenId: string | null = null;
  approved!: boolean;
  comment: string | null = null;
  at: Date = new Date();
}

export const PromotionReviewSchema = new EntitySchema<PromotionReview>({
  class: PromotionReview,
  tableName: 'promotion_review',
  uniques: [
    {
      name: 'promotion_review_once',
      expression: 'create unique index promotion_review_once on promotion_review (request_id, coalesce(reviewer_token_id, 0))',
    },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    request: { kind: 'm:1', entity: 'PromotionRequest', ref: true, deleteRule: 'cascade' },
    reviewer: { type: 'text' },
    reviewerTokenId: { type: new BigIntType('string'), nullable: true },
    approved: { type: 'boolean' },
    comment: { type: 'text', nullable: true },
    at: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});

/**
 * One change of one request (opened, reviewed, applied, rejected, cancelled): the feed behind
 * `promotionRequestChanged` reads these by id after a notification, as the stage feed reads the
 * stage log, so an event is announced only once it committed, and none is lost or doubled.
 */
export class PromotionRequestEvent {
  [OptionalProps]?: 'at';
  id!: string;
  request!: Ref<PromotionRequest>;
  at: Date = new Date();
}

export const PromotionRequestEventSchema = new EntitySchema<PromotionRequestEvent>({
  class: PromotionRequestEvent,
  tableName: 'promotion_request_event',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    request: { kind: 'm:1', entity: 'PromotionRequest', ref: true, deleteRule: 'cascade' },
    at: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});
