/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ErrorCode =
  | 'ALREADY_EXISTS'
  /** The stage's policy needs approvals: a promotion request is open instead. */
  | 'APPROVAL_REQUIRED'
  /** An idempotency key the token already used with other arguments. */
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_INPUT'
  | 'INVALID_STAGE'
  | 'NOT_FOUND'
  /** `expectedHolder` did not name the version that holds the stage. */
  | 'PRECONDITION_FAILED'
  /** A review the request does not allow: its own requester, a second review by one token, or a request that is no longer PENDING. */
  | 'REVIEW_REFUSED'
  | 'STAGE_CONFLICT';

/** Lifecycle stage of a model version (ZenML's ModelStages). */
export type ModelStage =
  /** No longer relevant. Any number of versions may hold it. */
  | 'ARCHIVED'
  /** Virtual: the newest version of a model (highest number). Can be read, never set. */
  | 'LATEST'
  /** In no stage yet: every new version starts here. */
  | 'NONE'
  /** Running in production. At most one version of a model holds it. */
  | 'PRODUCTION'
  /** Staged for production. At most one version of a model holds it. */
  | 'STAGING';

export type PromotionRequestStatus =
  /** Approved and carried out: `changes` holds what it committed. */
  | 'APPLIED'
  /** Its requester withdrew it. */
  | 'CANCELLED'
  /** Waiting for approvals. */
  | 'PENDING'
  /** A reviewer rejected it. */
  | 'REJECTED';

/** What a token may do; each scope includes the ones above it. READ: queries and subscriptions (but `webhooks` and webhook deliveries). WRITE: create, edit and delete models and versions, move a version to STAGING, ARCHIVED or NONE without force (or request such a move). PROMOTE: move a version to PRODUCTION, any forced move, rollbackStage, and reviewing promotion requests. ADMIN: manage tokens, webhooks and stage policies. A token limited to models (see createApiToken) has its scopes on those models only. */
export type Scope =
  | 'ADMIN'
  | 'PROMOTE'
  | 'READ'
  | 'WRITE';

export type WebhookDeliveryStatus =
  /** A 2xx answer was received. */
  | 'DELIVERED'
  /** Every attempt failed; no more follow unless redelivered. */
  | 'FAILED'
  /** Not delivered yet; attempts may follow. */
  | 'PENDING';

/** What a webhook is sent for. */
export type WebhookEvent =
  /** A promotion request opened, approved, rejected, cancelled or applied (message type `promotion_request.updated`). */
  | 'PROMOTION_REQUEST_UPDATED'
  /** Every committed StageChange (message type `stage.changed`). */
  | 'STAGE_CHANGED'
  /** Every new version (message type `version.created`). */
  | 'VERSION_CREATED';

export type VersionFieldsFragment = { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } };

export type ModelFieldsFragment = { id: string, name: string, description: string | null, tags: Array<string>, createdAt: string, updatedAt: string };

export type ChangeFieldsFragment = { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } };

export type TokenFieldsFragment = { id: string, name: string, scopes: Array<Scope>, models: Array<string> | null, createdAt: string, revokedAt: string | null };

type ErrorFields_AlreadyExistsError_Fragment = { __typename: 'AlreadyExistsError', code: ErrorCode, message: string };

type ErrorFields_ApprovalRequiredError_Fragment = { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string, request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type ErrorFields_PreconditionFailedError_Fragment = { __typename: 'PreconditionFailedError', code: ErrorCode, message: string };

type ErrorFields_ReviewRefusedError_Fragment = { __typename: 'ReviewRefusedError', code: ErrorCode, message: string };

type ErrorFields_StageConflictError_Fragment = { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string };

export type ErrorFieldsFragment =
  | ErrorFields_AlreadyExistsError_Fragment
  | ErrorFields_ApprovalRequiredError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_PreconditionFailedError_Fragment
  | ErrorFields_ReviewRefusedError_Fragment
  | ErrorFields_StageConflictError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type RequestFieldsFragment = { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> };

export type SetStagePolicyMutationVariables = Exact<{
  model: string;
  stage: ModelStage;
  requiredApprovals: number;
}>;


export type SetStagePolicyMutation = { setStagePolicy:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SetStagePolicySuccess', model: { name: string, stagePolicies: Array<{ stage: ModelStage, requiredApprovals: number }> } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type RequestPromotionMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
  reason?: string | null | undefined;
}>;


export type RequestPromotionMutation = { requestPromotion:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RequestPromotionSuccess', request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type ApprovePromotionMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApprovePromotionMutation = { review:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'ReviewRefusedError', code: ErrorCode, message: string }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type RejectPromotionMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type RejectPromotionMutation = { review:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'ReviewRefusedError', code: ErrorCode, message: string }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type CancelPromotionMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelPromotionMutation = { review:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'ReviewRefusedError', code: ErrorCode, message: string }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type PromotionRequestsQueryVariables = Exact<{
  model?: string | null | undefined;
  status?: PromotionRequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PromotionRequestsQuery = { promotionRequests: { edges: Array<{ node: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PromotionRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type PromotionRequestQuery = { node:
    | { __typename: 'ApiToken' }
    | { __typename: 'Model' }
    | { __typename: 'ModelVersion' }
    | { __typename: 'PromotionRequest', id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> }
    | { __typename: 'StageChange' }
    | { __typename: 'Webhook' }
    | { __typename: 'WebhookDelivery' }
   | null };

type SetStageOutcome_ApprovalRequiredError_Fragment = { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string, request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } };

type SetStageOutcome_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type SetStageOutcome_PreconditionFailedError_Fragment = { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } | null };

type SetStageOutcome_SetStagePreview_Fragment = { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }> };

type SetStageOutcome_SetStageSuccess_Fragment = { __typename: 'SetStageSuccess', modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } }> };

type SetStageOutcome_StageConflictError_Fragment = { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } };

type SetStageOutcome_ValidationError_Fragment = { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string };

export type SetStageOutcomeFragment =
  | SetStageOutcome_ApprovalRequiredError_Fragment
  | SetStageOutcome_NotFoundError_Fragment
  | SetStageOutcome_PreconditionFailedError_Fragment
  | SetStageOutcome_SetStagePreview_Fragment
  | SetStageOutcome_SetStageSuccess_Fragment
  | SetStageOutcome_StageConflictError_Fragment
  | SetStageOutcome_ValidationError_Fragment
;

export type SetStageMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
  expectedHolder?: string | null | undefined;
  dryRun?: boolean | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SetStageMutation = { setStage:
    | { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string, request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }> }
    | { __typename: 'SetStageSuccess', modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } }> }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type RollbackStageMutationVariables = Exact<{
  name: string;
  stage: ModelStage;
  expectedHolder?: string | null | undefined;
  dryRun?: boolean | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RollbackStageMutation = { rollbackStage:
    | { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string, request: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, approvals: number, createdAt: string, decidedAt: string | null, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }> }
    | { __typename: 'SetStageSuccess', modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, archived: Array<{ id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } }> }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type HolderAtQueryVariables = Exact<{
  name: string;
  stage: ModelStage;
  at: string;
}>;


export type HolderAtQuery = { model: { holderAt: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } | null } | null };

export type StagePeriodsQueryVariables = Exact<{
  name: string;
  stage: ModelStage;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StagePeriodsQuery = { model: { stagePeriods: { edges: Array<{ cursor: string, node: { stage: ModelStage, since: string, until: string | null, modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }, entered: { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } }, left: { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CreateModelMutationVariables = Exact<{
  name: string;
  description?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
}>;


export type CreateModelMutation = { createModel:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string }
    | { __typename: 'CreateModelSuccess', model: { id: string, name: string, description: string | null, tags: Array<string>, createdAt: string, updatedAt: string } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type CreateModelVersionMutationVariables = Exact<{
  model: string;
  name?: string | null | undefined;
  description?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
  metadata?: unknown;
}>;


export type CreateModelVersionMutation = { createModelVersion:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string }
    | { __typename: 'CreateModelVersionSuccess', modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type DeleteModelVersionMutationVariables = Exact<{
  model: string;
  version: string;
}>;


export type DeleteModelVersionMutation = { deleteModelVersion:
    | { __typename: 'DeleteModelVersionSuccess', deletedId: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }
   };

export type CreateApiTokenMutationVariables = Exact<{
  name: string;
  scopes: Array<Scope> | Scope;
  models?: Array<string> | string | null | undefined;
}>;


export type CreateApiTokenMutation = { createApiToken:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string }
    | { __typename: 'CreateApiTokenSuccess', token: string, apiToken: { id: string, name: string, scopes: Array<Scope>, models: Array<string> | null, createdAt: string, revokedAt: string | null } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RevokeApiTokenSuccess', apiToken: { id: string, name: string, scopes: Array<Scope>, models: Array<string> | null, createdAt: string, revokedAt: string | null } }
   };

export type ModelsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type ModelsQuery = { models: { edges: Array<{ cursor: string, node: { id: string, name: string, description: string | null, tags: Array<string>, createdAt: string, updatedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ModelQueryVariables = Exact<{
  name: string;
}>;


export type ModelQuery = { model: { id: string, name: string, description: string | null, tags: Array<string>, createdAt: string, updatedAt: string } | null };

export type ModelVersionsQueryVariables = Exact<{
  name: string;
  stage?: ModelStage | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ModelVersionsQuery = { model: { name: string, versions: { edges: Array<{ cursor: string, node: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ModelVersionQueryVariables = Exact<{
  name: string;
  version?: string | null | undefined;
  stage?: ModelStage | null | undefined;
}>;


export type ModelVersionQuery = { modelVersion: { id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } } | null };

export type StageChangesQueryVariables = Exact<{
  model?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StageChangesQuery = { stageChanges: { edges: Array<{ cursor: string, node: { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StageHistoryQueryVariables = Exact<{
  name: string;
  version: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StageHistoryQuery = { modelVersion: { stageHistory: { edges: Array<{ cursor: string, node: { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiToken', id: string, name: string, scopes: Array<Scope>, models: Array<string> | null, createdAt: string, revokedAt: string | null }
    | { __typename: 'Model', id: string, name: string, description: string | null, tags: Array<string>, createdAt: string, updatedAt: string }
    | { __typename: 'ModelVersion', id: string, name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, updatedAt: string, deletedAt: string | null, model: { name: string } }
    | { __typename: 'PromotionRequest', id: string }
    | { __typename: 'StageChange', id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } }
    | { __typename: 'Webhook', id: string }
    | { __typename: 'WebhookDelivery', id: string }
   | null };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, scopes: Array<Scope>, models: Array<string> | null, createdAt: string, revokedAt: string | null }> };

export type StageChangedSubscriptionVariables = Exact<{
  name?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type StageChangedSubscription = { stageChanged: { id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, transactionId: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { id: string, name: string, number: number, stage: ModelStage } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, scopes: Array<Scope> } };

export type LogHeadQueryVariables = Exact<{ [key: string]: never; }>;


export type LogHeadQuery = { stageChanges: { edges: Array<{ cursor: string }> } };

export type WebhookFieldsFragment = { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null };

export type DeliveryFieldsFragment = { id: string, messageId: string, event: WebhookEvent, status: WebhookDeliveryStatus, attempts: number, lastResponseStatus: number | null, lastError: string | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, payload: unknown };

export type WebhooksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhooksQuery = { webhooks: { edges: Array<{ node: { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookDeliveriesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
}>;


export type WebhookDeliveriesQuery = { node:
    | { __typename: 'ApiToken' }
    | { __typename: 'Model' }
    | { __typename: 'ModelVersion' }
    | { __typename: 'PromotionRequest' }
    | { __typename: 'StageChange' }
    | { __typename: 'Webhook', deliveries: { edges: Array<{ node: { id: string, messageId: string, event: WebhookEvent, status: WebhookDeliveryStatus, attempts: number, lastResponseStatus: number | null, lastError: string | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, payload: unknown } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { __typename: 'WebhookDelivery' }
   | null };

export type CreateWebhookMutationVariables = Exact<{
  url: string;
  events?: Array<WebhookEvent> | WebhookEvent | null | undefined;
  model?: string | null | undefined;
  description?: string | null | undefined;
}>;


export type CreateWebhookMutation = { createWebhook:
    | { __typename: 'CreateWebhookSuccess', secret: string, webhook: { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type UpdateWebhookMutationVariables = Exact<{
  id: string | number;
  url?: string | null | undefined;
  events?: Array<WebhookEvent> | WebhookEvent | null | undefined;
  active?: boolean | null | undefined;
  description?: string | null | undefined;
}>;


export type UpdateWebhookMutation = { updateWebhook:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateWebhookSuccess', webhook: { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null } }
    | { __typename: 'ValidationError', field: string | null, code: ErrorCode, message: string }
   };

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookMutation = { deleteWebhook:
    | { __typename: 'DeleteWebhookSuccess', deletedId: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RotateWebhookSecretSuccess', secret: string, webhook: { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null } }
   };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: string | number;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RedeliverWebhookSuccess', delivery: { id: string, messageId: string, event: WebhookEvent, status: WebhookDeliveryStatus, attempts: number, lastResponseStatus: number | null, lastError: string | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, payload: unknown } }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ModelFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModelFields on Model {
  id
  name
  description
  tags
  createdAt
  updatedAt
}
    `, {"fragmentName":"ModelFields"}) as unknown as TypedDocumentString<ModelFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment TokenFields on ApiToken {
  id
  name
  scopes
  models
  createdAt
  revokedAt
}
    `, {"fragmentName":"TokenFields"}) as unknown as TypedDocumentString<TokenFieldsFragment, unknown>;
export const VersionFieldsFragmentDoc = new TypedDocumentString(`
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
    `, {"fragmentName":"VersionFields"}) as unknown as TypedDocumentString<VersionFieldsFragment, unknown>;
export const ChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}
    `, {"fragmentName":"ChangeFields"}) as unknown as TypedDocumentString<ChangeFieldsFragment, unknown>;
export const RequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}`, {"fragmentName":"RequestFields"}) as unknown as TypedDocumentString<RequestFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`, {"fragmentName":"ErrorFields"}) as unknown as TypedDocumentString<ErrorFieldsFragment, unknown>;
export const SetStageOutcomeFragmentDoc = new TypedDocumentString(`
    fragment SetStageOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      ...VersionFields
    }
    archived {
      ...VersionFields
    }
    changes {
      ...ChangeFields
    }
  }
  ... on SetStagePreview {
    modelVersion {
      ...VersionFields
    }
    from
    to
    archived {
      ...VersionFields
    }
    noop
  }
  ... on PreconditionFailedError {
    actualHolder {
      ...VersionFields
    }
  }
  ...ErrorFields
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`, {"fragmentName":"SetStageOutcome"}) as unknown as TypedDocumentString<SetStageOutcomeFragment, unknown>;
export const WebhookFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookFields on Webhook {
  id
  url
  events
  model {
    name
  }
  description
  active
  createdAt
}
    `, {"fragmentName":"WebhookFields"}) as unknown as TypedDocumentString<WebhookFieldsFragment, unknown>;
export const DeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeliveryFields on WebhookDelivery {
  id
  messageId
  event
  status
  attempts
  lastResponseStatus
  lastError
  createdAt
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  payload
}
    `, {"fragmentName":"DeliveryFields"}) as unknown as TypedDocumentString<DeliveryFieldsFragment, unknown>;
export const SetStagePolicyDocument = new TypedDocumentString(`
    mutation SetStagePolicy($model: String!, $stage: ModelStage!, $requiredApprovals: Int!) {
  setStagePolicy(
    model: $model
    stage: $stage
    requiredApprovals: $requiredApprovals
  ) {
    __typename
    ... on SetStagePolicySuccess {
      model {
        name
        stagePolicies {
          stage
          requiredApprovals
        }
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<SetStagePolicyMutation, SetStagePolicyMutationVariables>;
export const RequestPromotionDocument = new TypedDocumentString(`
    mutation RequestPromotion($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $reason: String) {
  requestPromotion(
    name: $name
    version: $version
    stage: $stage
    force: $force
    reason: $reason
  ) {
    __typename
    ... on RequestPromotionSuccess {
      request {
        ...RequestFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<RequestPromotionMutation, RequestPromotionMutationVariables>;
export const ApprovePromotionDocument = new TypedDocumentString(`
    mutation ApprovePromotion($id: ID!, $comment: String) {
  review: approvePromotion(id: $id, comment: $comment) {
    __typename
    ... on ReviewPromotionSuccess {
      request {
        ...RequestFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<ApprovePromotionMutation, ApprovePromotionMutationVariables>;
export const RejectPromotionDocument = new TypedDocumentString(`
    mutation RejectPromotion($id: ID!, $comment: String) {
  review: rejectPromotion(id: $id, comment: $comment) {
    __typename
    ... on ReviewPromotionSuccess {
      request {
        ...RequestFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<RejectPromotionMutation, RejectPromotionMutationVariables>;
export const CancelPromotionDocument = new TypedDocumentString(`
    mutation CancelPromotion($id: ID!) {
  review: cancelPromotion(id: $id) {
    __typename
    ... on ReviewPromotionSuccess {
      request {
        ...RequestFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<CancelPromotionMutation, CancelPromotionMutationVariables>;
export const PromotionRequestsDocument = new TypedDocumentString(`
    query PromotionRequests($model: String, $status: PromotionRequestStatus, $first: Int, $after: String) {
  promotionRequests(model: $model, status: $status, first: $first, after: $after) {
    edges {
      node {
        ...RequestFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<PromotionRequestsQuery, PromotionRequestsQueryVariables>;
export const PromotionRequestDocument = new TypedDocumentString(`
    query PromotionRequest($id: ID!) {
  node(id: $id) {
    __typename
    ... on PromotionRequest {
      ...RequestFields
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<PromotionRequestQuery, PromotionRequestQueryVariables>;
export const SetStageDocument = new TypedDocumentString(`
    mutation SetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
  setStage(
    name: $name
    version: $version
    stage: $stage
    force: $force
    expectedHolder: $expectedHolder
    dryRun: $dryRun
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...SetStageOutcome
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment SetStageOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      ...VersionFields
    }
    archived {
      ...VersionFields
    }
    changes {
      ...ChangeFields
    }
  }
  ... on SetStagePreview {
    modelVersion {
      ...VersionFields
    }
    from
    to
    archived {
      ...VersionFields
    }
    noop
  }
  ... on PreconditionFailedError {
    actualHolder {
      ...VersionFields
    }
  }
  ...ErrorFields
}`) as unknown as TypedDocumentString<SetStageMutation, SetStageMutationVariables>;
export const RollbackStageDocument = new TypedDocumentString(`
    mutation RollbackStage($name: String!, $stage: ModelStage!, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
  rollbackStage(
    name: $name
    stage: $stage
    expectedHolder: $expectedHolder
    dryRun: $dryRun
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...SetStageOutcome
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment SetStageOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      ...VersionFields
    }
    archived {
      ...VersionFields
    }
    changes {
      ...ChangeFields
    }
  }
  ... on SetStagePreview {
    modelVersion {
      ...VersionFields
    }
    from
    to
    archived {
      ...VersionFields
    }
    noop
  }
  ... on PreconditionFailedError {
    actualHolder {
      ...VersionFields
    }
  }
  ...ErrorFields
}`) as unknown as TypedDocumentString<RollbackStageMutation, RollbackStageMutationVariables>;
export const HolderAtDocument = new TypedDocumentString(`
    query HolderAt($name: String!, $stage: ModelStage!, $at: DateTime!) {
  model(name: $name) {
    holderAt(stage: $stage, at: $at) {
      ...VersionFields
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}`) as unknown as TypedDocumentString<HolderAtQuery, HolderAtQueryVariables>;
export const StagePeriodsDocument = new TypedDocumentString(`
    query StagePeriods($name: String!, $stage: ModelStage!, $first: Int, $after: String) {
  model(name: $name) {
    stagePeriods(stage: $stage, first: $first, after: $after) {
      edges {
        cursor
        node {
          stage
          since
          until
          modelVersion {
            ...VersionFields
          }
          entered {
            ...ChangeFields
          }
          left {
            ...ChangeFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}`) as unknown as TypedDocumentString<StagePeriodsQuery, StagePeriodsQueryVariables>;
export const CreateModelDocument = new TypedDocumentString(`
    mutation CreateModel($name: String!, $description: String, $tags: [String!]) {
  createModel(name: $name, description: $description, tags: $tags) {
    __typename
    ... on CreateModelSuccess {
      model {
        ...ModelFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ModelFields on Model {
  id
  name
  description
  tags
  createdAt
  updatedAt
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<CreateModelMutation, CreateModelMutationVariables>;
export const CreateModelVersionDocument = new TypedDocumentString(`
    mutation CreateModelVersion($model: String!, $name: String, $description: String, $tags: [String!], $metadata: JSON) {
  createModelVersion(
    model: $model
    name: $name
    description: $description
    tags: $tags
    metadata: $metadata
  ) {
    __typename
    ... on CreateModelVersionSuccess {
      modelVersion {
        ...VersionFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<CreateModelVersionMutation, CreateModelVersionMutationVariables>;
export const DeleteModelVersionDocument = new TypedDocumentString(`
    mutation DeleteModelVersion($model: String!, $version: String!) {
  deleteModelVersion(model: $model, version: $version) {
    __typename
    ... on DeleteModelVersionSuccess {
      deletedId
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<DeleteModelVersionMutation, DeleteModelVersionMutationVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($name: String!, $scopes: [Scope!]!, $models: [String!]) {
  createApiToken(name: $name, scopes: $scopes, models: $models) {
    __typename
    ... on CreateApiTokenSuccess {
      token
      apiToken {
        ...TokenFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment TokenFields on ApiToken {
  id
  name
  scopes
  models
  createdAt
  revokedAt
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    __typename
    ... on RevokeApiTokenSuccess {
      apiToken {
        ...TokenFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment TokenFields on ApiToken {
  id
  name
  scopes
  models
  createdAt
  revokedAt
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ModelsDocument = new TypedDocumentString(`
    query Models($first: Int, $after: String, $search: String) {
  models(first: $first, after: $after, search: $search) {
    edges {
      cursor
      node {
        ...ModelFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ModelFields on Model {
  id
  name
  description
  tags
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ModelsQuery, ModelsQueryVariables>;
export const ModelDocument = new TypedDocumentString(`
    query Model($name: String!) {
  model(name: $name) {
    ...ModelFields
  }
}
    fragment ModelFields on Model {
  id
  name
  description
  tags
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ModelQuery, ModelQueryVariables>;
export const ModelVersionsDocument = new TypedDocumentString(`
    query ModelVersions($name: String!, $stage: ModelStage, $first: Int, $after: String) {
  model(name: $name) {
    name
    versions(first: $first, after: $after, stage: $stage) {
      edges {
        cursor
        node {
          ...VersionFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}`) as unknown as TypedDocumentString<ModelVersionsQuery, ModelVersionsQueryVariables>;
export const ModelVersionDocument = new TypedDocumentString(`
    query ModelVersion($name: String!, $version: String, $stage: ModelStage) {
  modelVersion(name: $name, version: $version, stage: $stage) {
    ...VersionFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}`) as unknown as TypedDocumentString<ModelVersionQuery, ModelVersionQueryVariables>;
export const StageChangesDocument = new TypedDocumentString(`
    query StageChanges($model: String, $first: Int, $after: String) {
  stageChanges(model: $model, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...ChangeFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}`) as unknown as TypedDocumentString<StageChangesQuery, StageChangesQueryVariables>;
export const StageHistoryDocument = new TypedDocumentString(`
    query StageHistory($name: String!, $version: String!, $first: Int, $after: String) {
  modelVersion(name: $name, version: $version) {
    stageHistory(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ChangeFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}`) as unknown as TypedDocumentString<StageHistoryQuery, StageHistoryQueryVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Model {
      ...ModelFields
    }
    ... on ModelVersion {
      ...VersionFields
    }
    ... on StageChange {
      ...ChangeFields
    }
    ... on ApiToken {
      ...TokenFields
    }
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ModelFields on Model {
  id
  name
  description
  tags
  createdAt
  updatedAt
}
fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}
fragment TokenFields on ApiToken {
  id
  name
  scopes
  models
  createdAt
  revokedAt
}`) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    ...TokenFields
  }
}
    fragment TokenFields on ApiToken {
  id
  name
  scopes
  models
  createdAt
  revokedAt
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const StageChangedDocument = new TypedDocumentString(`
    subscription StageChanged($name: String, $after: String) {
  stageChanged(name: $name, after: $after) {
    ...ChangeFields
  }
}
    fragment ChangeFields on StageChange {
  id
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  transactionId
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    id
    name
    number
    stage
  }
}`) as unknown as TypedDocumentString<StageChangedSubscription, StageChangedSubscriptionVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    name
    scopes
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LogHeadDocument = new TypedDocumentString(`
    query LogHead {
  stageChanges(last: 1) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<LogHeadQuery, LogHeadQueryVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks($first: Int, $after: String) {
  webhooks(first: $first, after: $after) {
    edges {
      node {
        ...WebhookFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookFields on Webhook {
  id
  url
  events
  model {
    name
  }
  description
  active
  createdAt
}`) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  node(id: $id) {
    __typename
    ... on Webhook {
      deliveries(first: $first, after: $after, status: $status) {
        edges {
          node {
            ...DeliveryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    fragment DeliveryFields on WebhookDelivery {
  id
  messageId
  event
  status
  attempts
  lastResponseStatus
  lastError
  createdAt
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  payload
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($url: String!, $events: [WebhookEvent!], $model: String, $description: String) {
  createWebhook(
    url: $url
    events: $events
    model: $model
    description: $description
  ) {
    __typename
    ... on CreateWebhookSuccess {
      secret
      webhook {
        ...WebhookFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment WebhookFields on Webhook {
  id
  url
  events
  model {
    name
  }
  description
  active
  createdAt
}`) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = new TypedDocumentString(`
    mutation UpdateWebhook($id: ID!, $url: String, $events: [WebhookEvent!], $active: Boolean, $description: String) {
  updateWebhook(
    id: $id
    url: $url
    events: $events
    active: $active
    description: $description
  ) {
    __typename
    ... on UpdateWebhookSuccess {
      webhook {
        ...WebhookFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment WebhookFields on Webhook {
  id
  url
  events
  model {
    name
  }
  description
  active
  createdAt
}`) as unknown as TypedDocumentString<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id) {
    __typename
    ... on DeleteWebhookSuccess {
      deletedId
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    __typename
    ... on RotateWebhookSecretSuccess {
      secret
      webhook {
        ...WebhookFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment WebhookFields on Webhook {
  id
  url
  events
  model {
    name
  }
  description
  active
  createdAt
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    __typename
    ... on RedeliverWebhookSuccess {
      delivery {
        ...DeliveryFields
      }
    }
    ...ErrorFields
  }
}
    fragment VersionFields on ModelVersion {
  id
  name
  number
  stage
  description
  tags
  metadata
  createdAt
  updatedAt
  deletedAt
  model {
    name
  }
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    field
  }
  ... on StageConflictError {
    holder {
      ...VersionFields
    }
  }
  ... on ApprovalRequiredError {
    request {
      ...RequestFields
    }
  }
}
fragment RequestFields on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  approvals
  createdAt
  decidedAt
  model {
    name
  }
  modelVersion {
    ...VersionFields
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
fragment DeliveryFields on WebhookDelivery {
  id
  messageId
  event
  status
  attempts
  lastResponseStatus
  lastError
  createdAt
  lastAttemptAt
  nextAttemptAt
  deliveredAt
  payload
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;