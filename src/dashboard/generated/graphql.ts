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

export type DashboardVersionFragment = { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string };

export type DashboardChangeFragment = { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { name: string, number: number } };

export type DashboardPeriodsFragment = { edges: Array<{ node: { since: string, until: string | null, modelVersion: { name: string, number: number }, entered: { actor: string | null, reason: string | null } } }> };

export type DashboardRequestFragment = { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, createdAt: string, modelVersion: { name: string, number: number }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> };

export type DashboardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardViewerQuery = { viewer: { name: string, scopes: Array<Scope>, models: Array<string> | null } };

export type DashboardModelNamesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type DashboardModelNamesQuery = { models: { edges: Array<{ cursor: string, node: { name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardModelQueryVariables = Exact<{
  name: string;
  versions: number;
  feed: number;
  periods: number;
  requests: number;
}>;


export type DashboardModelQuery = { model: { name: string, description: string | null, tags: Array<string>, production: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, staging: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, latest: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, versions: { edges: Array<{ node: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } }> }, productionPeriods: { edges: Array<{ node: { since: string, until: string | null, modelVersion: { name: string, number: number }, entered: { actor: string | null, reason: string | null } } }> }, stagingPeriods: { edges: Array<{ node: { since: string, until: string | null, modelVersion: { name: string, number: number }, entered: { actor: string | null, reason: string | null } } }> }, stagePolicies: Array<{ stage: ModelStage, requiredApprovals: number }> } | null, feed: { edges: Array<{ node: { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, reason: string | null, approvedBy: Array<string>, model: { name: string }, modelVersion: { name: string, number: number } } }> }, requests: { edges: Array<{ node: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, createdAt: string, modelVersion: { name: string, number: number }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } }> } };

type DashboardMoveOutcome_ApprovalRequiredError_Fragment = { __typename: 'ApprovalRequiredError', message: string, code: ErrorCode, request: { stage: ModelStage, requiredApprovals: number, reviews: Array<{ approved: boolean }> } };

type DashboardMoveOutcome_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string, code: ErrorCode };

type DashboardMoveOutcome_PreconditionFailedError_Fragment = { __typename: 'PreconditionFailedError', message: string, code: ErrorCode, actualHolder: { name: string, number: number } | null };

type DashboardMoveOutcome_SetStagePreview_Fragment = { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> };

type DashboardMoveOutcome_SetStageSuccess_Fragment = { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> };

type DashboardMoveOutcome_StageConflictError_Fragment = { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } };

type DashboardMoveOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, code: ErrorCode };

export type DashboardMoveOutcomeFragment =
  | DashboardMoveOutcome_ApprovalRequiredError_Fragment
  | DashboardMoveOutcome_NotFoundError_Fragment
  | DashboardMoveOutcome_PreconditionFailedError_Fragment
  | DashboardMoveOutcome_SetStagePreview_Fragment
  | DashboardMoveOutcome_SetStageSuccess_Fragment
  | DashboardMoveOutcome_StageConflictError_Fragment
  | DashboardMoveOutcome_ValidationError_Fragment
;

export type DashboardSetStageMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
  dryRun?: boolean | null | undefined;
  expectedHolder?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type DashboardSetStageMutation = { setStage:
    | { __typename: 'ApprovalRequiredError', message: string, code: ErrorCode, request: { stage: ModelStage, requiredApprovals: number, reviews: Array<{ approved: boolean }> } }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'PreconditionFailedError', message: string, code: ErrorCode, actualHolder: { name: string, number: number } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> }
    | { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardRollbackStageMutationVariables = Exact<{
  name: string;
  stage: ModelStage;
  dryRun?: boolean | null | undefined;
  expectedHolder?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type DashboardRollbackStageMutation = { rollbackStage:
    | { __typename: 'ApprovalRequiredError', message: string, code: ErrorCode, request: { stage: ModelStage, requiredApprovals: number, reviews: Array<{ approved: boolean }> } }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'PreconditionFailedError', message: string, code: ErrorCode, actualHolder: { name: string, number: number } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number }> }
    | { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardVersionCreatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardVersionCreatedSubscription = { versionCreated: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string, model: { name: string } } };

export type DashboardPromotionRequestChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardPromotionRequestChangedSubscription = { promotionRequestChanged: { id: string, stage: ModelStage, force: boolean, reason: string | null, requestedBy: string, status: PromotionRequestStatus, requiredApprovals: number, createdAt: string, model: { name: string }, modelVersion: { name: string, number: number }, reviews: Array<{ actor: string, approved: boolean, comment: string | null, at: string }> } };

type DashboardReviewOutcome_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string, code: ErrorCode };

type DashboardReviewOutcome_ReviewPromotionSuccess_Fragment = { __typename: 'ReviewPromotionSuccess', request: { id: string, status: PromotionRequestStatus } };

type DashboardReviewOutcome_ReviewRefusedError_Fragment = { __typename: 'ReviewRefusedError', message: string, code: ErrorCode };

type DashboardReviewOutcome_StageConflictError_Fragment = { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } };

type DashboardReviewOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, code: ErrorCode };

export type DashboardReviewOutcomeFragment =
  | DashboardReviewOutcome_NotFoundError_Fragment
  | DashboardReviewOutcome_ReviewPromotionSuccess_Fragment
  | DashboardReviewOutcome_ReviewRefusedError_Fragment
  | DashboardReviewOutcome_StageConflictError_Fragment
  | DashboardReviewOutcome_ValidationError_Fragment
;

export type DashboardApprovePromotionMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type DashboardApprovePromotionMutation = { approvePromotion:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, status: PromotionRequestStatus } }
    | { __typename: 'ReviewRefusedError', message: string, code: ErrorCode }
    | { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardRejectPromotionMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type DashboardRejectPromotionMutation = { rejectPromotion:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, status: PromotionRequestStatus } }
    | { __typename: 'ReviewRefusedError', message: string, code: ErrorCode }
    | { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardCancelPromotionMutationVariables = Exact<{
  id: string | number;
}>;


export type DashboardCancelPromotionMutation = { cancelPromotion:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ReviewPromotionSuccess', request: { id: string, status: PromotionRequestStatus } }
    | { __typename: 'ReviewRefusedError', message: string, code: ErrorCode }
    | { __typename: 'StageConflictError', message: string, code: ErrorCode, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardWebhooksQueryVariables = Exact<{
  after?: string | null | undefined;
  deliveries: number;
}>;


export type DashboardWebhooksQuery = { webhooks: { edges: Array<{ node: { id: string, url: string, events: Array<WebhookEvent>, description: string | null, active: boolean, createdAt: string, model: { name: string } | null, deliveries: { edges: Array<{ node: { id: string, event: WebhookEvent, messageId: string, status: WebhookDeliveryStatus, attempts: number, createdAt: string, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardSetWebhookActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
}>;


export type DashboardSetWebhookActiveMutation = { updateWebhook:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'UpdateWebhookSuccess', webhook: { id: string, active: boolean } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type DashboardRedeliverWebhookMutationVariables = Exact<{
  deliveryId: string | number;
}>;


export type DashboardRedeliverWebhookMutation = { redeliverWebhook:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RedeliverWebhookSuccess', delivery: { id: string, status: WebhookDeliveryStatus } }
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
export const DashboardVersionFragmentDoc = new TypedDocumentString(`
    fragment DashboardVersion on ModelVersion {
  name
  number
  stage
  description
  tags
  metadata
  createdAt
}
    `, {"fragmentName":"DashboardVersion"}) as unknown as TypedDocumentString<DashboardVersionFragment, unknown>;
export const DashboardChangeFragmentDoc = new TypedDocumentString(`
    fragment DashboardChange on StageChange {
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    name
    number
  }
}
    `, {"fragmentName":"DashboardChange"}) as unknown as TypedDocumentString<DashboardChangeFragment, unknown>;
export const DashboardPeriodsFragmentDoc = new TypedDocumentString(`
    fragment DashboardPeriods on StagePeriodConnection {
  edges {
    node {
      since
      until
      modelVersion {
        name
        number
      }
      entered {
        actor
        reason
      }
    }
  }
}
    `, {"fragmentName":"DashboardPeriods"}) as unknown as TypedDocumentString<DashboardPeriodsFragment, unknown>;
export const DashboardRequestFragmentDoc = new TypedDocumentString(`
    fragment DashboardRequest on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  createdAt
  modelVersion {
    name
    number
  }
  reviews {
    actor
    approved
    comment
    at
  }
}
    `, {"fragmentName":"DashboardRequest"}) as unknown as TypedDocumentString<DashboardRequestFragment, unknown>;
export const DashboardMoveOutcomeFragmentDoc = new TypedDocumentString(`
    fragment DashboardMoveOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
    }
    archived {
      name
      number
    }
  }
  ... on SetStagePreview {
    modelVersion {
      name
      number
      stage
    }
    from
    to
    archived {
      name
      number
    }
    noop
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on PreconditionFailedError {
    actualHolder {
      name
      number
    }
  }
  ... on ApprovalRequiredError {
    request {
      stage
      requiredApprovals
      reviews {
        approved
      }
    }
  }
  ... on Error {
    message
    code
  }
}
    `, {"fragmentName":"DashboardMoveOutcome"}) as unknown as TypedDocumentString<DashboardMoveOutcomeFragment, unknown>;
export const DashboardReviewOutcomeFragmentDoc = new TypedDocumentString(`
    fragment DashboardReviewOutcome on ReviewPromotionResult {
  __typename
  ... on ReviewPromotionSuccess {
    request {
      id
      status
    }
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on Error {
    message
    code
  }
}
    `, {"fragmentName":"DashboardReviewOutcome"}) as unknown as TypedDocumentString<DashboardReviewOutcomeFragment, unknown>;
export const DashboardViewerDocument = new TypedDocumentString(`
    query DashboardViewer {
  viewer {
    name
    scopes
    models
  }
}
    `) as unknown as TypedDocumentString<DashboardViewerQuery, DashboardViewerQueryVariables>;
export const DashboardModelNamesDocument = new TypedDocumentString(`
    query DashboardModelNames($first: Int, $after: String, $search: String) {
  models(first: $first, after: $after, search: $search) {
    edges {
      cursor
      node {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardModelNamesQuery, DashboardModelNamesQueryVariables>;
export const DashboardModelDocument = new TypedDocumentString(`
    query DashboardModel($name: String!, $versions: Int!, $feed: Int!, $periods: Int!, $requests: Int!) {
  model(name: $name) {
    name
    description
    tags
    production: version(stage: PRODUCTION) {
      ...DashboardVersion
    }
    staging: version(stage: STAGING) {
      ...DashboardVersion
    }
    latest: version(stage: LATEST) {
      ...DashboardVersion
    }
    versions(first: $versions) {
      edges {
        node {
          ...DashboardVersion
        }
      }
    }
    productionPeriods: stagePeriods(stage: PRODUCTION, first: $periods) {
      ...DashboardPeriods
    }
    stagingPeriods: stagePeriods(stage: STAGING, first: $periods) {
      ...DashboardPeriods
    }
    stagePolicies {
      stage
      requiredApprovals
    }
  }
  feed: stageChanges(model: $name, last: $feed) {
    edges {
      node {
        ...DashboardChange
      }
    }
  }
  requests: promotionRequests(model: $name, status: PENDING, first: $requests) {
    edges {
      node {
        ...DashboardRequest
      }
    }
  }
}
    fragment DashboardVersion on ModelVersion {
  name
  number
  stage
  description
  tags
  metadata
  createdAt
}
fragment DashboardChange on StageChange {
  cursor
  from
  to
  forced
  displaced
  actor
  occurredAt
  reason
  approvedBy
  model {
    name
  }
  modelVersion {
    name
    number
  }
}
fragment DashboardPeriods on StagePeriodConnection {
  edges {
    node {
      since
      until
      modelVersion {
        name
        number
      }
      entered {
        actor
        reason
      }
    }
  }
}
fragment DashboardRequest on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  createdAt
  modelVersion {
    name
    number
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<DashboardModelQuery, DashboardModelQueryVariables>;
export const DashboardSetStageDocument = new TypedDocumentString(`
    mutation DashboardSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $dryRun: Boolean, $expectedHolder: String, $reason: String) {
  setStage(
    name: $name
    version: $version
    stage: $stage
    force: $force
    dryRun: $dryRun
    expectedHolder: $expectedHolder
    reason: $reason
  ) {
    ...DashboardMoveOutcome
  }
}
    fragment DashboardMoveOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
    }
    archived {
      name
      number
    }
  }
  ... on SetStagePreview {
    modelVersion {
      name
      number
      stage
    }
    from
    to
    archived {
      name
      number
    }
    noop
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on PreconditionFailedError {
    actualHolder {
      name
      number
    }
  }
  ... on ApprovalRequiredError {
    request {
      stage
      requiredApprovals
      reviews {
        approved
      }
    }
  }
  ... on Error {
    message
    code
  }
}`) as unknown as TypedDocumentString<DashboardSetStageMutation, DashboardSetStageMutationVariables>;
export const DashboardRollbackStageDocument = new TypedDocumentString(`
    mutation DashboardRollbackStage($name: String!, $stage: ModelStage!, $dryRun: Boolean, $expectedHolder: String, $reason: String) {
  rollbackStage(
    name: $name
    stage: $stage
    dryRun: $dryRun
    expectedHolder: $expectedHolder
    reason: $reason
  ) {
    ...DashboardMoveOutcome
  }
}
    fragment DashboardMoveOutcome on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
    }
    archived {
      name
      number
    }
  }
  ... on SetStagePreview {
    modelVersion {
      name
      number
      stage
    }
    from
    to
    archived {
      name
      number
    }
    noop
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on PreconditionFailedError {
    actualHolder {
      name
      number
    }
  }
  ... on ApprovalRequiredError {
    request {
      stage
      requiredApprovals
      reviews {
        approved
      }
    }
  }
  ... on Error {
    message
    code
  }
}`) as unknown as TypedDocumentString<DashboardRollbackStageMutation, DashboardRollbackStageMutationVariables>;
export const DashboardVersionCreatedDocument = new TypedDocumentString(`
    subscription DashboardVersionCreated {
  versionCreated {
    ...DashboardVersion
    model {
      name
    }
  }
}
    fragment DashboardVersion on ModelVersion {
  name
  number
  stage
  description
  tags
  metadata
  createdAt
}`) as unknown as TypedDocumentString<DashboardVersionCreatedSubscription, DashboardVersionCreatedSubscriptionVariables>;
export const DashboardPromotionRequestChangedDocument = new TypedDocumentString(`
    subscription DashboardPromotionRequestChanged {
  promotionRequestChanged {
    ...DashboardRequest
    model {
      name
    }
  }
}
    fragment DashboardRequest on PromotionRequest {
  id
  stage
  force
  reason
  requestedBy
  status
  requiredApprovals
  createdAt
  modelVersion {
    name
    number
  }
  reviews {
    actor
    approved
    comment
    at
  }
}`) as unknown as TypedDocumentString<DashboardPromotionRequestChangedSubscription, DashboardPromotionRequestChangedSubscriptionVariables>;
export const DashboardApprovePromotionDocument = new TypedDocumentString(`
    mutation DashboardApprovePromotion($id: ID!, $comment: String) {
  approvePromotion(id: $id, comment: $comment) {
    ...DashboardReviewOutcome
  }
}
    fragment DashboardReviewOutcome on ReviewPromotionResult {
  __typename
  ... on ReviewPromotionSuccess {
    request {
      id
      status
    }
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on Error {
    message
    code
  }
}`) as unknown as TypedDocumentString<DashboardApprovePromotionMutation, DashboardApprovePromotionMutationVariables>;
export const DashboardRejectPromotionDocument = new TypedDocumentString(`
    mutation DashboardRejectPromotion($id: ID!, $comment: String) {
  rejectPromotion(id: $id, comment: $comment) {
    ...DashboardReviewOutcome
  }
}
    fragment DashboardReviewOutcome on ReviewPromotionResult {
  __typename
  ... on ReviewPromotionSuccess {
    request {
      id
      status
    }
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on Error {
    message
    code
  }
}`) as unknown as TypedDocumentString<DashboardRejectPromotionMutation, DashboardRejectPromotionMutationVariables>;
export const DashboardCancelPromotionDocument = new TypedDocumentString(`
    mutation DashboardCancelPromotion($id: ID!) {
  cancelPromotion(id: $id) {
    ...DashboardReviewOutcome
  }
}
    fragment DashboardReviewOutcome on ReviewPromotionResult {
  __typename
  ... on ReviewPromotionSuccess {
    request {
      id
      status
    }
  }
  ... on StageConflictError {
    holder {
      name
      number
      stage
    }
  }
  ... on Error {
    message
    code
  }
}`) as unknown as TypedDocumentString<DashboardCancelPromotionMutation, DashboardCancelPromotionMutationVariables>;
export const DashboardWebhooksDocument = new TypedDocumentString(`
    query DashboardWebhooks($after: String, $deliveries: Int!) {
  webhooks(first: 100, after: $after) {
    edges {
      node {
        id
        url
        events
        description
        active
        createdAt
        model {
          name
        }
        deliveries(first: $deliveries) {
          edges {
            node {
              id
              event
              messageId
              status
              attempts
              createdAt
              lastAttemptAt
              lastResponseStatus
              lastError
              nextAttemptAt
              deliveredAt
            }
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardWebhooksQuery, DashboardWebhooksQueryVariables>;
export const DashboardSetWebhookActiveDocument = new TypedDocumentString(`
    mutation DashboardSetWebhookActive($id: ID!, $active: Boolean!) {
  updateWebhook(id: $id, active: $active) {
    __typename
    ... on UpdateWebhookSuccess {
      webhook {
        id
        active
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardSetWebhookActiveMutation, DashboardSetWebhookActiveMutationVariables>;
export const DashboardRedeliverWebhookDocument = new TypedDocumentString(`
    mutation DashboardRedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    __typename
    ... on RedeliverWebhookSuccess {
      delivery {
        id
        status
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardRedeliverWebhookMutation, DashboardRedeliverWebhookMutationVariables>;