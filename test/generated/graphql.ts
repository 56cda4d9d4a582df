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
    | { __typename: 'ValidationError' }
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

export type ChangeFragment = { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, transactionId: string, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number, stage: ModelStage } };

export type StageChangedSubscriptionVariables = Exact<{
  name?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type StageChangedSubscription = { stageChanged: { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, transactionId: string, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number, stage: ModelStage } } };

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