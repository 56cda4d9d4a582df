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

/** What a token may do; each scope includes the ones above it. READ: queries and subscriptions (but `webhooks` and webhook deliveries). WRITE: create, edit and delete models and versions, move a version to STAGING, ARCHIVED or NONE without force (or request such a move). PROMOTE: move a version to PRODUCTION, any forced move, rollbackStage, and reviewing promotion requests. ADMIN: manage tokens, webhooks and stage policies. A token limited to models (see createApiToken) has its scopes on those models only. */
export type Scope =
  | 'ADMIN'
  | 'PROMOTE'
  | 'READ'
  | 'WRITE';

export type VersionsWithModelsQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
}>;


export type VersionsWithModelsQuery = { model: { versions: { edges: Array<{ node: { name: string, model: { name: string } } }> } } | null };

export type LogWithVersionsAndModelsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type LogWithVersionsAndModelsQuery = { stageChanges: { edges: Array<{ node: { cursor: string, modelVersion: { name: string, model: { name: string } }, model: { name: string } } }> } };

export type ModelsWithStageHoldersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ModelsWithStageHoldersQuery = { models: { edges: Array<{ node: { name: string, latest: { name: string } | null, prod: { name: string } | null, staging: { name: string } | null } }> } };

export type CreateModelMutationVariables = Exact<{
  name: string;
}>;


export type CreateModelMutation = { createModel:
    | { __typename: 'AlreadyExistsError' }
    | { __typename: 'CreateModelSuccess' }
    | { __typename: 'ValidationError' }
   };

export type CreateVersionMutationVariables = Exact<{
  model: string;
  name?: string | null | undefined;
  metadata?: unknown;
}>;


export type CreateVersionMutation = { createModelVersion:
    | { __typename: 'AlreadyExistsError' }
    | { __typename: 'CreateModelVersionSuccess', modelVersion: { name: string, number: number } }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', field: string | null }
   };

export type SetStageMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
}>;


export type SetStageMutation = { setStage:
    | { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PreconditionFailedError', code: ErrorCode, message: string }
    | { __typename: 'SetStagePreview' }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number, stage: ModelStage }>, changes: Array<{ cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, transactionId: string, modelVersion: { name: string } }> }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string | null }
   };

export type StagesOfQueryVariables = Exact<{
  name: string;
}>;


export type StagesOfQuery = { model: { versions: { edges: Array<{ node: { number: number, stage: ModelStage } }> } } | null };

export type CreateTokenMutationVariables = Exact<{
  name: string;
  scopes: Array<Scope> | Scope;
  models?: Array<string> | string | null | undefined;
}>;


export type CreateTokenMutation = { createApiToken:
    | { token: string }
    | Record<PropertyKey, never>
   };

type MoveResult_ApprovalRequiredError_Fragment = { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string };

type MoveResult_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type MoveResult_PreconditionFailedError_Fragment = { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { name: string, number: number, stage: ModelStage } | null };

type MoveResult_SetStagePreview_Fragment = { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number, stage: ModelStage }> };

type MoveResult_SetStageSuccess_Fragment = { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage, deletedAt: string | null }, archived: Array<{ name: string, number: number, stage: ModelStage }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, reason: string | null, approvedBy: Array<string>, transactionId: string, occurredAt: string, modelVersion: { name: string, number: number } }> };

type MoveResult_StageConflictError_Fragment = { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { name: string, number: number, stage: ModelStage } };

type MoveResult_ValidationError_Fragment = { __typename: 'ValidationError', code: ErrorCode, message: string, field: string | null };

export type MoveResultFragment =
  | MoveResult_ApprovalRequiredError_Fragment
  | MoveResult_NotFoundError_Fragment
  | MoveResult_PreconditionFailedError_Fragment
  | MoveResult_SetStagePreview_Fragment
  | MoveResult_SetStageSuccess_Fragment
  | MoveResult_StageConflictError_Fragment
  | MoveResult_ValidationError_Fragment
;

export type MoveMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
  expectedHolder?: string | null | undefined;
  dryRun?: boolean | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type MoveMutation = { setStage:
    | { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { name: string, number: number, stage: ModelStage } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number, stage: ModelStage }> }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage, deletedAt: string | null }, archived: Array<{ name: string, number: number, stage: ModelStage }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, reason: string | null, approvedBy: Array<string>, transactionId: string, occurredAt: string, modelVersion: { name: string, number: number } }> }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string | null }
   };

export type RollbackMutationVariables = Exact<{
  name: string;
  stage: ModelStage;
  expectedHolder?: string | null | undefined;
  dryRun?: boolean | null | undefined;
  reason?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RollbackMutation = { rollbackStage:
    | { __typename: 'ApprovalRequiredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PreconditionFailedError', code: ErrorCode, message: string, actualHolder: { name: string, number: number, stage: ModelStage } | null }
    | { __typename: 'SetStagePreview', from: ModelStage, to: ModelStage, noop: boolean, modelVersion: { name: string, number: number, stage: ModelStage }, archived: Array<{ name: string, number: number, stage: ModelStage }> }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, number: number, stage: ModelStage, deletedAt: string | null }, archived: Array<{ name: string, number: number, stage: ModelStage }>, changes: Array<{ id: string, cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, reason: string | null, approvedBy: Array<string>, transactionId: string, occurredAt: string, modelVersion: { name: string, number: number } }> }
    | { __typename: 'StageConflictError', code: ErrorCode, message: string, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string | null }
   };

export type NestedStageChangedSubscriptionVariables = Exact<{
  name?: string | null | undefined;
}>;


export type NestedStageChangedSubscription = { stageChanged: { to: ModelStage, model: { version: { number: number } | null }, modelVersion: { number: number, model: { versions: { edges: Array<{ node: { number: number, stage: ModelStage } }> } } } } };

export type LogCursorsQueryVariables = Exact<{
  model: string;
}>;


export type LogCursorsQuery = { stageChanges: { edges: Array<{ cursor: string }> } };

export type LogPageWithVersionsQueryVariables = Exact<{
  model: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LogPageWithVersionsQuery = { stageChanges: { edges: Array<{ cursor: string, node: { to: ModelStage, modelVersion: { id: string, number: number, deletedAt: string | null, stageHistory: { edges: Array<{ cursor: string }> } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HistoryThroughLogQueryVariables = Exact<{
  id: string | number;
  model: string;
  after?: string | null | undefined;
}>;


export type HistoryThroughLogQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, stageChanges: { edges: Array<{ node: { modelVersion: { stageHistory: { edges: Array<{ node: { to: ModelStage } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } } }> } };

export type LogTombstonesQueryVariables = Exact<{
  model: string;
}>;


export type LogTombstonesQuery = { stageChanges: { edges: Array<{ node: { model: { id: string, deletedAt: string | null }, modelVersion: { number: number, deletedAt: string | null } } }> } };

export type LogPageBothWaysQueryVariables = Exact<{
  model?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type LogPageBothWaysQuery = { stageChanges: { edges: Array<{ cursor: string, node: { modelVersion: { number: number } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null } } };

export type ModelCardFragment = { name: string, description: string | null, license: string | null, audience: string | null, useCases: string | null, limitations: string | null, tradeOffs: string | null, ethics: string | null, tags: Array<string> };

export type CreateModelWithCardMutationVariables = Exact<{
  name: string;
  description?: string | null | undefined;
  license?: string | null | undefined;
  audience?: string | null | undefined;
  useCases?: string | null | undefined;
  limitations?: string | null | undefined;
  tradeOffs?: string | null | undefined;
  ethics?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
}>;


export type CreateModelWithCardMutation = { createModel:
    | { model: { name: string, description: string | null, license: string | null, audience: string | null, useCases: string | null, limitations: string | null, tradeOffs: string | null, ethics: string | null, tags: Array<string> } }
    | Record<PropertyKey, never>
   };

export type UpdateModelCardMutationVariables = Exact<{
  name: string;
  license?: string | null | undefined;
  ethics?: string | null | undefined;
}>;


export type UpdateModelCardMutation = { updateModel:
    | { model: { description: string | null, license: string | null, ethics: string | null, tags: Array<string> } }
    | Record<PropertyKey, never>
   };

export type UpdateVersionMutationVariables = Exact<{
  model: string;
  version: string;
  description?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
  metadata?: unknown;
}>;


export type UpdateVersionMutation = { updateModelVersion:
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'UpdateModelVersionSuccess', modelVersion: { number: number, description: string | null, tags: Array<string>, metadata: unknown, stage: ModelStage } }
    | { __typename: 'ValidationError', code: ErrorCode, field: string | null }
   };

export type DeleteVersionMutationVariables = Exact<{
  model: string;
  version: string;
}>;


export type DeleteVersionMutation = { deleteModelVersion:
    | { __typename: 'DeleteModelVersionSuccess', deletedId: string, model: { name: string } }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'StageConflictError', code: ErrorCode, holder: { number: number } }
   };

export type DeleteModelMutationVariables = Exact<{
  name: string;
}>;


export type DeleteModelMutation = { deleteModel:
    | { __typename: 'DeleteModelSuccess', deletedId: string, name: string }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'StageConflictError', code: ErrorCode }
   };

export type NodeIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeIdQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ModelIdQueryVariables = Exact<{
  name: string;
}>;


export type ModelIdQuery = { model: { id: string } | null };

export type VersionIdQueryVariables = Exact<{
  name: string;
  version: string;
}>;


export type VersionIdQuery = { modelVersion: { id: string } | null };

export type NodeAndModelQueryVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type NodeAndModelQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, model: { id: string } | null };

export type ModelNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelNamesQuery = { models: { edges: Array<{ node: { name: string } }> } };

export type ModelWithVersionQueryVariables = Exact<{
  name: string;
  version: string;
}>;


export type ModelWithVersionQuery = { model: { id: string, deletedAt: string | null, version: { number: number, stage: ModelStage } | null } | null };

export type DeletedVersionReadsQueryVariables = Exact<{
  id: string | number;
  model: string;
  version: string;
}>;


export type DeletedVersionReadsQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, modelVersion: { id: string } | null, model: { byNumber: { id: string } | null, versions: { edges: Array<{ node: { number: number } }> } } | null };

export type CachedHolderQueryVariables = Exact<{
  name: string;
  stage: ModelStage;
}>;


export type CachedHolderQuery = { modelVersion: { number: number } | null };

export type PromoteAndReadBackMutationVariables = Exact<{
  name: string;
  version: string;
}>;


export type PromoteAndReadBackMutation = { setStage:
    | { __typename: 'ApprovalRequiredError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PreconditionFailedError' }
    | { __typename: 'SetStagePreview' }
    | { __typename: 'SetStageSuccess', modelVersion: { model: { version: { number: number } | null } } }
    | { __typename: 'StageConflictError' }
    | { __typename: 'ValidationError' }
   };

export type CreateReadTokenMutationVariables = Exact<{
  name: string;
}>;


export type CreateReadTokenMutation = { createApiToken:
    | { __typename: 'AlreadyExistsError' }
    | { __typename: 'CreateApiTokenSuccess', token: string, apiToken: { id: string } }
    | { __typename: 'ValidationError' }
   };

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTokenMutation = { revokeApiToken:
    | { __typename: 'NotFoundError' }
    | { __typename: 'RevokeApiTokenSuccess' }
   };

export type RaceVersionFragment = { number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown };

export type RaceHolderQueryVariables = Exact<{
  name: string;
  stage: ModelStage;
}>;


export type RaceHolderQuery = { modelVersion: { number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown } | null };

export type RaceVersionByNumberQueryVariables = Exact<{
  name: string;
  version: string;
}>;


export type RaceVersionByNumberQuery = { modelVersion: { number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown } | null };

export type RaceLatestQueryVariables = Exact<{
  name: string;
}>;


export type RaceLatestQuery = { model: { id: string, version: { number: number, description: string | null, tags: Array<string> } | null } | null };

export type RaceModelsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RaceModelsQuery = { models: { edges: Array<{ node: { id: string, name: string, production: { number: number } | null, staging: { number: number } | null, latest: { number: number } | null } }> } };

export type RaceCreateModelMutationVariables = Exact<{
  name: string;
}>;


export type RaceCreateModelMutation = { createModel:
    | { __typename: 'AlreadyExistsError' }
    | { __typename: 'CreateModelSuccess', model: { id: string } }
    | { __typename: 'ValidationError' }
   };

export type RaceCreateVersionMutationVariables = Exact<{
  model: string;
  description?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
  metadata?: unknown;
}>;


export type RaceCreateVersionMutation = { createModelVersion:
    | { __typename: 'AlreadyExistsError' }
    | { __typename: 'CreateModelVersionSuccess', modelVersion: { number: number } }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type RaceUpdateVersionMutationVariables = Exact<{
  model: string;
  version: string;
  description?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
  metadata?: unknown;
}>;


export type RaceUpdateVersionMutation = { updateModelVersion:
    | { __typename: 'NotFoundError' }
    | { __typename: 'UpdateModelVersionSuccess' }
    | { __typename: 'ValidationError' }
   };

export type RaceSetStageMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
}>;


export type RaceSetStageMutation = { setStage:
    | { __typename: 'ApprovalRequiredError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PreconditionFailedError' }
    | { __typename: 'SetStagePreview' }
    | { __typename: 'SetStageSuccess' }
    | { __typename: 'StageConflictError' }
    | { __typename: 'ValidationError' }
   };

export type RaceDeleteVersionMutationVariables = Exact<{
  model: string;
  version: string;
}>;


export type RaceDeleteVersionMutation = { deleteModelVersion:
    | { __typename: 'DeleteModelVersionSuccess' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'StageConflictError' }
   };

export type RaceDeleteModelMutationVariables = Exact<{
  name: string;
}>;


export type RaceDeleteModelMutation = { deleteModel:
    | { __typename: 'DeleteModelSuccess' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'StageConflictError' }
   };

export type EditCreateAndTagMutationVariables = Exact<{
  model: string;
  version: string;
}>;


export type EditCreateAndTagMutation = { edited:
    | { model: { description: string | null, tags: Array<string> } }
    | Record<PropertyKey, never>
  , created:
    | { modelVersion: { name: string, tags: Array<string>, model: { description: string | null, version: { name: string } | null } } }
    | Record<PropertyKey, never>
  , tagged:
    | { modelVersion: { description: string | null, model: { version: { description: string | null } | null } } }
    | Record<PropertyKey, never>
   };

export type ChangeFragment = { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, transactionId: string, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number, stage: ModelStage } };

export type StageChangedSubscriptionVariables = Exact<{
  name?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type StageChangedSubscription = { stageChanged: { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, transactionId: string, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number, stage: ModelStage } } };

export type ResolveVersionQueryVariables = Exact<{
  name: string;
  version?: string | null | undefined;
  stage?: ModelStage | null | undefined;
}>;


export type ResolveVersionQuery = { modelVersion: { name: string, number: number, stage: ModelStage, model: { name: string } } | null };

export type VersionsByTextQueryVariables = Exact<{
  name: string;
}>;


export type VersionsByTextQuery = { model: { prod: { number: number } | null, latest: { number: number } | null, three: { number: number } | null } | null };

export type VersionsByStageQueryVariables = Exact<{
  name: string;
}>;


export type VersionsByStageQuery = { model: { latest: { number: number } | null, prod: { number: number } | null, alpha: { number: number } | null } | null };

export type VersionsPageQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  stage?: ModelStage | null | undefined;
}>;


export type VersionsPageQuery = { model: { versions: { edges: Array<{ cursor: string, node: { number: number } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } } } | null };

export type SearchModelsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchModelsQuery = { models: { edges: Array<{ cursor: string, node: { name: string } }>, pageInfo: { hasNextPage: boolean } } };

export type NodeVersionNumberQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeVersionNumberQuery = { node:
    | { id: string }
    | { id: string }
    | { number: number, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type VersionHistoryNewestQueryVariables = Exact<{
  name: string;
  version: string;
  last?: number | null | undefined;
}>;


export type VersionHistoryNewestQuery = { modelVersion: { stageHistory: { edges: Array<{ node: { to: ModelStage } }> } } | null };

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
export const MoveResultFragmentDoc = new TypedDocumentString(`
    fragment MoveResult on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
      deletedAt
    }
    archived {
      name
      number
      stage
    }
    changes {
      id
      cursor
      from
      to
      forced
      displaced
      actor
      reason
      approvedBy
      transactionId
      occurredAt
      modelVersion {
        name
        number
      }
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
      stage
    }
    noop
  }
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    field
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
      stage
    }
  }
}
    `, {"fragmentName":"MoveResult"}) as unknown as TypedDocumentString<MoveResultFragment, unknown>;
export const ModelCardFragmentDoc = new TypedDocumentString(`
    fragment ModelCard on Model {
  name
  description
  license
  audience
  useCases
  limitations
  tradeOffs
  ethics
  tags
}
    `, {"fragmentName":"ModelCard"}) as unknown as TypedDocumentString<ModelCardFragment, unknown>;
export const RaceVersionFragmentDoc = new TypedDocumentString(`
    fragment RaceVersion on ModelVersion {
  number
  stage
  description
  tags
  metadata
}
    `, {"fragmentName":"RaceVersion"}) as unknown as TypedDocumentString<RaceVersionFragment, unknown>;
export const ChangeFragmentDoc = new TypedDocumentString(`
    fragment Change on StageChange {
  cursor
  from
  to
  forced
  displaced
  actor
  transactionId
  occurredAt
  model {
    name
  }
  modelVersion {
    name
    number
    stage
  }
}
    `, {"fragmentName":"Change"}) as unknown as TypedDocumentString<ChangeFragment, unknown>;
export const VersionsWithModelsDocument = new TypedDocumentString(`
    query VersionsWithModels($name: String!, $first: Int) {
  model(name: $name) {
    versions(first: $first) {
      edges {
        node {
          name
          model {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VersionsWithModelsQuery, VersionsWithModelsQueryVariables>;
export const LogWithVersionsAndModelsDocument = new TypedDocumentString(`
    query LogWithVersionsAndModels($first: Int) {
  stageChanges(first: $first) {
    edges {
      node {
        cursor
        modelVersion {
          name
          model {
            name
          }
        }
        model {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LogWithVersionsAndModelsQuery, LogWithVersionsAndModelsQueryVariables>;
export const ModelsWithStageHoldersDocument = new TypedDocumentString(`
    query ModelsWithStageHolders($first: Int) {
  models(first: $first) {
    edges {
      node {
        name
        latest: version(stage: LATEST) {
          name
        }
        prod: version(stage: PRODUCTION) {
          name
        }
        staging: version(stage: STAGING) {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelsWithStageHoldersQuery, ModelsWithStageHoldersQueryVariables>;
export const CreateModelDocument = new TypedDocumentString(`
    mutation CreateModel($name: String!) {
  createModel(name: $name) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<CreateModelMutation, CreateModelMutationVariables>;
export const CreateVersionDocument = new TypedDocumentString(`
    mutation CreateVersion($model: String!, $name: String, $metadata: JSON) {
  createModelVersion(model: $model, name: $name, metadata: $metadata) {
    __typename
    ... on CreateModelVersionSuccess {
      modelVersion {
        name
        number
      }
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<CreateVersionMutation, CreateVersionMutationVariables>;
export const SetStageDocument = new TypedDocumentString(`
    mutation SetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
  setStage(name: $name, version: $version, stage: $stage, force: $force) {
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
        stage
      }
      changes {
        cursor
        from
        to
        forced
        displaced
        actor
        transactionId
        modelVersion {
          name
        }
      }
    }
    ... on StageConflictError {
      code
      message
      holder {
        name
        number
        stage
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<SetStageMutation, SetStageMutationVariables>;
export const StagesOfDocument = new TypedDocumentString(`
    query StagesOf($name: String!) {
  model(name: $name) {
    versions(first: 100) {
      edges {
        node {
          number
          stage
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StagesOfQuery, StagesOfQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($name: String!, $scopes: [Scope!]!, $models: [String!]) {
  createApiToken(name: $name, scopes: $scopes, models: $models) {
    ... on CreateApiTokenSuccess {
      token
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const MoveDocument = new TypedDocumentString(`
    mutation Move($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
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
    ...MoveResult
  }
}
    fragment MoveResult on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
      deletedAt
    }
    archived {
      name
      number
      stage
    }
    changes {
      id
      cursor
      from
      to
      forced
      displaced
      actor
      reason
      approvedBy
      transactionId
      occurredAt
      modelVersion {
        name
        number
      }
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
      stage
    }
    noop
  }
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    field
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
      stage
    }
  }
}`) as unknown as TypedDocumentString<MoveMutation, MoveMutationVariables>;
export const RollbackDocument = new TypedDocumentString(`
    mutation Rollback($name: String!, $stage: ModelStage!, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
  rollbackStage(
    name: $name
    stage: $stage
    expectedHolder: $expectedHolder
    dryRun: $dryRun
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...MoveResult
  }
}
    fragment MoveResult on SetStageResult {
  __typename
  ... on SetStageSuccess {
    modelVersion {
      name
      number
      stage
      deletedAt
    }
    archived {
      name
      number
      stage
    }
    changes {
      id
      cursor
      from
      to
      forced
      displaced
      actor
      reason
      approvedBy
      transactionId
      occurredAt
      modelVersion {
        name
        number
      }
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
      stage
    }
    noop
  }
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    field
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
      stage
    }
  }
}`) as unknown as TypedDocumentString<RollbackMutation, RollbackMutationVariables>;
export const NestedStageChangedDocument = new TypedDocumentString(`
    subscription NestedStageChanged($name: String) {
  stageChanged(name: $name) {
    to
    model {
      version(stage: PRODUCTION) {
        number
      }
    }
    modelVersion {
      number
      model {
        versions(first: 5) {
          edges {
            node {
              number
              stage
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedStageChangedSubscription, NestedStageChangedSubscriptionVariables>;
export const LogCursorsDocument = new TypedDocumentString(`
    query LogCursors($model: String!) {
  stageChanges(model: $model) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<LogCursorsQuery, LogCursorsQueryVariables>;
export const LogPageWithVersionsDocument = new TypedDocumentString(`
    query LogPageWithVersions($model: String!, $first: Int, $after: String) {
  stageChanges(model: $model, first: $first, after: $after) {
    edges {
      cursor
      node {
        to
        modelVersion {
          id
          number
          deletedAt
          stageHistory(first: 2) {
            edges {
              cursor
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
    `) as unknown as TypedDocumentString<LogPageWithVersionsQuery, LogPageWithVersionsQueryVariables>;
export const HistoryThroughLogDocument = new TypedDocumentString(`
    query HistoryThroughLog($id: ID!, $model: String!, $after: String) {
  node(id: $id) {
    id
  }
  stageChanges(model: $model, first: 1) {
    edges {
      node {
        modelVersion {
          stageHistory(first: 2, after: $after) {
            edges {
              node {
                to
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
  }
}
    `) as unknown as TypedDocumentString<HistoryThroughLogQuery, HistoryThroughLogQueryVariables>;
export const LogTombstonesDocument = new TypedDocumentString(`
    query LogTombstones($model: String!) {
  stageChanges(model: $model) {
    edges {
      node {
        model {
          id
          deletedAt
        }
        modelVersion {
          number
          deletedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LogTombstonesQuery, LogTombstonesQueryVariables>;
export const LogPageBothWaysDocument = new TypedDocumentString(`
    query LogPageBothWays($model: String, $first: Int, $after: String, $last: Int, $before: String) {
  stageChanges(
    model: $model
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    edges {
      cursor
      node {
        modelVersion {
          number
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LogPageBothWaysQuery, LogPageBothWaysQueryVariables>;
export const CreateModelWithCardDocument = new TypedDocumentString(`
    mutation CreateModelWithCard($name: String!, $description: String, $license: String, $audience: String, $useCases: String, $limitations: String, $tradeOffs: String, $ethics: String, $tags: [String!]) {
  createModel(
    name: $name
    description: $description
    license: $license
    audience: $audience
    useCases: $useCases
    limitations: $limitations
    tradeOffs: $tradeOffs
    ethics: $ethics
    tags: $tags
  ) {
    ... on CreateModelSuccess {
      model {
        ...ModelCard
      }
    }
  }
}
    fragment ModelCard on Model {
  name
  description
  license
  audience
  useCases
  limitations
  tradeOffs
  ethics
  tags
}`) as unknown as TypedDocumentString<CreateModelWithCardMutation, CreateModelWithCardMutationVariables>;
export const UpdateModelCardDocument = new TypedDocumentString(`
    mutation UpdateModelCard($name: String!, $license: String, $ethics: String) {
  updateModel(name: $name, license: $license, ethics: $ethics) {
    ... on UpdateModelSuccess {
      model {
        description
        license
        ethics
        tags
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateModelCardMutation, UpdateModelCardMutationVariables>;
export const UpdateVersionDocument = new TypedDocumentString(`
    mutation UpdateVersion($model: String!, $version: String!, $description: String, $tags: [String!], $metadata: JSON) {
  updateModelVersion(
    model: $model
    version: $version
    description: $description
    tags: $tags
    metadata: $metadata
  ) {
    __typename
    ... on UpdateModelVersionSuccess {
      modelVersion {
        number
        description
        tags
        metadata
        stage
      }
    }
    ... on Error {
      code
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateVersionMutation, UpdateVersionMutationVariables>;
export const DeleteVersionDocument = new TypedDocumentString(`
    mutation DeleteVersion($model: String!, $version: String!) {
  deleteModelVersion(model: $model, version: $version) {
    __typename
    ... on DeleteModelVersionSuccess {
      deletedId
      model {
        name
      }
    }
    ... on Error {
      code
    }
    ... on StageConflictError {
      holder {
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteVersionMutation, DeleteVersionMutationVariables>;
export const DeleteModelDocument = new TypedDocumentString(`
    mutation DeleteModel($name: String!) {
  deleteModel(name: $name) {
    __typename
    ... on DeleteModelSuccess {
      deletedId
      name
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteModelMutation, DeleteModelMutationVariables>;
export const NodeIdDocument = new TypedDocumentString(`
    query NodeId($id: ID!) {
  node(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<NodeIdQuery, NodeIdQueryVariables>;
export const ModelIdDocument = new TypedDocumentString(`
    query ModelId($name: String!) {
  model(name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModelIdQuery, ModelIdQueryVariables>;
export const VersionIdDocument = new TypedDocumentString(`
    query VersionId($name: String!, $version: String!) {
  modelVersion(name: $name, version: $version) {
    id
  }
}
    `) as unknown as TypedDocumentString<VersionIdQuery, VersionIdQueryVariables>;
export const NodeAndModelDocument = new TypedDocumentString(`
    query NodeAndModel($id: ID!, $name: String!) {
  node(id: $id) {
    id
  }
  model(name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<NodeAndModelQuery, NodeAndModelQueryVariables>;
export const ModelNamesDocument = new TypedDocumentString(`
    query ModelNames {
  models(first: 100) {
    edges {
      node {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelNamesQuery, ModelNamesQueryVariables>;
export const ModelWithVersionDocument = new TypedDocumentString(`
    query ModelWithVersion($name: String!, $version: String!) {
  model(name: $name) {
    id
    deletedAt
    version(version: $version) {
      number
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ModelWithVersionQuery, ModelWithVersionQueryVariables>;
export const DeletedVersionReadsDocument = new TypedDocumentString(`
    query DeletedVersionReads($id: ID!, $model: String!, $version: String!) {
  node(id: $id) {
    id
  }
  modelVersion(name: $model, version: $version) {
    id
  }
  model(name: $model) {
    byNumber: version(version: $version) {
      id
    }
    versions {
      edges {
        node {
          number
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeletedVersionReadsQuery, DeletedVersionReadsQueryVariables>;
export const CachedHolderDocument = new TypedDocumentString(`
    query CachedHolder($name: String!, $stage: ModelStage!) {
  modelVersion(name: $name, stage: $stage) {
    number
  }
}
    `) as unknown as TypedDocumentString<CachedHolderQuery, CachedHolderQueryVariables>;
export const PromoteAndReadBackDocument = new TypedDocumentString(`
    mutation PromoteAndReadBack($name: String!, $version: String!) {
  setStage(name: $name, version: $version, stage: PRODUCTION, force: true) {
    __typename
    ... on SetStageSuccess {
      modelVersion {
        model {
          version(stage: PRODUCTION) {
            number
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PromoteAndReadBackMutation, PromoteAndReadBackMutationVariables>;
export const CreateReadTokenDocument = new TypedDocumentString(`
    mutation CreateReadToken($name: String!) {
  createApiToken(name: $name, scopes: [READ]) {
    __typename
    ... on CreateApiTokenSuccess {
      token
      apiToken {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateReadTokenMutation, CreateReadTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const RaceHolderDocument = new TypedDocumentString(`
    query RaceHolder($name: String!, $stage: ModelStage!) {
  modelVersion(name: $name, stage: $stage) {
    ...RaceVersion
  }
}
    fragment RaceVersion on ModelVersion {
  number
  stage
  description
  tags
  metadata
}`) as unknown as TypedDocumentString<RaceHolderQuery, RaceHolderQueryVariables>;
export const RaceVersionByNumberDocument = new TypedDocumentString(`
    query RaceVersionByNumber($name: String!, $version: String!) {
  modelVersion(name: $name, version: $version) {
    ...RaceVersion
  }
}
    fragment RaceVersion on ModelVersion {
  number
  stage
  description
  tags
  metadata
}`) as unknown as TypedDocumentString<RaceVersionByNumberQuery, RaceVersionByNumberQueryVariables>;
export const RaceLatestDocument = new TypedDocumentString(`
    query RaceLatest($name: String!) {
  model(name: $name) {
    id
    version(stage: LATEST) {
      number
      description
      tags
    }
  }
}
    `) as unknown as TypedDocumentString<RaceLatestQuery, RaceLatestQueryVariables>;
export const RaceModelsDocument = new TypedDocumentString(`
    query RaceModels($first: Int) {
  models(first: $first) {
    edges {
      node {
        id
        name
        production: version(stage: PRODUCTION) {
          number
        }
        staging: version(stage: STAGING) {
          number
        }
        latest: version(stage: LATEST) {
          number
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RaceModelsQuery, RaceModelsQueryVariables>;
export const RaceCreateModelDocument = new TypedDocumentString(`
    mutation RaceCreateModel($name: String!) {
  createModel(name: $name) {
    __typename
    ... on CreateModelSuccess {
      model {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RaceCreateModelMutation, RaceCreateModelMutationVariables>;
export const RaceCreateVersionDocument = new TypedDocumentString(`
    mutation RaceCreateVersion($model: String!, $description: String, $tags: [String!], $metadata: JSON) {
  createModelVersion(
    model: $model
    description: $description
    tags: $tags
    metadata: $metadata
  ) {
    __typename
    ... on CreateModelVersionSuccess {
      modelVersion {
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RaceCreateVersionMutation, RaceCreateVersionMutationVariables>;
export const RaceUpdateVersionDocument = new TypedDocumentString(`
    mutation RaceUpdateVersion($model: String!, $version: String!, $description: String, $tags: [String!], $metadata: JSON) {
  updateModelVersion(
    model: $model
    version: $version
    description: $description
    tags: $tags
    metadata: $metadata
  ) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RaceUpdateVersionMutation, RaceUpdateVersionMutationVariables>;
export const RaceSetStageDocument = new TypedDocumentString(`
    mutation RaceSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
  setStage(name: $name, version: $version, stage: $stage, force: $force) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RaceSetStageMutation, RaceSetStageMutationVariables>;
export const RaceDeleteVersionDocument = new TypedDocumentString(`
    mutation RaceDeleteVersion($model: String!, $version: String!) {
  deleteModelVersion(model: $model, version: $version) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RaceDeleteVersionMutation, RaceDeleteVersionMutationVariables>;
export const RaceDeleteModelDocument = new TypedDocumentString(`
    mutation RaceDeleteModel($name: String!) {
  deleteModel(name: $name) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RaceDeleteModelMutation, RaceDeleteModelMutationVariables>;
export const EditCreateAndTagDocument = new TypedDocumentString(`
    mutation EditCreateAndTag($model: String!, $version: String!) {
  edited: updateModel(name: $model, description: "edited", tags: ["a"]) {
    ... on UpdateModelSuccess {
      model {
        description
        tags
      }
    }
  }
  created: createModelVersion(model: $model, name: $version, tags: ["b"]) {
    ... on CreateModelVersionSuccess {
      modelVersion {
        name
        tags
        model {
          description
          version(stage: LATEST) {
            name
          }
        }
      }
    }
  }
  tagged: updateModelVersion(
    model: $model
    version: $version
    description: "tagged"
  ) {
    ... on UpdateModelVersionSuccess {
      modelVersion {
        description
        model {
          version(version: $version) {
            description
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EditCreateAndTagMutation, EditCreateAndTagMutationVariables>;
export const StageChangedDocument = new TypedDocumentString(`
    subscription StageChanged($name: String, $after: String) {
  stageChanged(name: $name, after: $after) {
    ...Change
  }
}
    fragment Change on StageChange {
  cursor
  from
  to
  forced
  displaced
  actor
  transactionId
  occurredAt
  model {
    name
  }
  modelVersion {
    name
    number
    stage
  }
}`) as unknown as TypedDocumentString<StageChangedSubscription, StageChangedSubscriptionVariables>;
export const ResolveVersionDocument = new TypedDocumentString(`
    query ResolveVersion($name: String!, $version: String, $stage: ModelStage) {
  modelVersion(name: $name, version: $version, stage: $stage) {
    name
    number
    stage
    model {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ResolveVersionQuery, ResolveVersionQueryVariables>;
export const VersionsByTextDocument = new TypedDocumentString(`
    query VersionsByText($name: String!) {
  model(name: $name) {
    prod: version(version: "Production") {
      number
    }
    latest: version(version: "latest") {
      number
    }
    three: version(version: "3") {
      number
    }
  }
}
    `) as unknown as TypedDocumentString<VersionsByTextQuery, VersionsByTextQueryVariables>;
export const VersionsByStageDocument = new TypedDocumentString(`
    query VersionsByStage($name: String!) {
  model(name: $name) {
    latest: version(stage: LATEST) {
      number
    }
    prod: version(stage: PRODUCTION) {
      number
    }
    alpha: version(version: "alpha") {
      number
    }
  }
}
    `) as unknown as TypedDocumentString<VersionsByStageQuery, VersionsByStageQueryVariables>;
export const VersionsPageDocument = new TypedDocumentString(`
    query VersionsPage($name: String!, $first: Int, $after: String, $stage: ModelStage) {
  model(name: $name) {
    versions(first: $first, after: $after, stage: $stage) {
      edges {
        cursor
        node {
          number
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VersionsPageQuery, VersionsPageQueryVariables>;
export const SearchModelsDocument = new TypedDocumentString(`
    query SearchModels($search: String, $first: Int, $after: String) {
  models(search: $search, first: $first, after: $after) {
    edges {
      cursor
      node {
        name
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<SearchModelsQuery, SearchModelsQueryVariables>;
export const NodeVersionNumberDocument = new TypedDocumentString(`
    query NodeVersionNumber($id: ID!) {
  node(id: $id) {
    id
    ... on ModelVersion {
      number
    }
  }
}
    `) as unknown as TypedDocumentString<NodeVersionNumberQuery, NodeVersionNumberQueryVariables>;
export const VersionHistoryNewestDocument = new TypedDocumentString(`
    query VersionHistoryNewest($name: String!, $version: String!, $last: Int) {
  modelVersion(name: $name, version: $version) {
    stageHistory(last: $last) {
      edges {
        node {
          to
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VersionHistoryNewestQuery, VersionHistoryNewestQueryVariables>;