/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type DashboardVersionFragment = { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string };

export type DashboardChangeFragment = { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number } };

export type DashboardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardViewerQuery = { viewer: { name: string, scopes: Array<Scope> } };

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
}>;


export type DashboardModelQuery = { model: { name: string, description: string | null, tags: Array<string>, production: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, staging: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, latest: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } | null, versions: { edges: Array<{ node: { name: string, number: number, stage: ModelStage, description: string | null, tags: Array<string>, metadata: unknown, createdAt: string } }> } } | null, feed: { edges: Array<{ node: { cursor: string, from: ModelStage, to: ModelStage, forced: boolean, displaced: boolean, actor: string | null, occurredAt: string, model: { name: string }, modelVersion: { name: string, number: number } } }> } };

export type DashboardSetStageMutationVariables = Exact<{
  name: string;
  version: string;
  stage: ModelStage;
  force?: boolean | null | undefined;
}>;


export type DashboardSetStageMutation = { setStage:
    | { __typename: 'ApprovalRequiredError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'PreconditionFailedError', message: string }
    | { __typename: 'SetStagePreview' }
    | { __typename: 'SetStageSuccess', modelVersion: { name: string, stage: ModelStage }, archived: Array<{ name: string, number: number }> }
    | { __typename: 'StageConflictError', message: string, holder: { name: string, number: number, stage: ModelStage } }
    | { __typename: 'ValidationError', message: string }
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
  model {
    name
  }
  modelVersion {
    name
    number
  }
}
    `, {"fragmentName":"DashboardChange"}) as unknown as TypedDocumentString<DashboardChangeFragment, unknown>;
export const DashboardViewerDocument = new TypedDocumentString(`
    query DashboardViewer {
  viewer {
    name
    scopes
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
    query DashboardModel($name: String!, $versions: Int!, $feed: Int!) {
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
  }
  feed: stageChanges(model: $name, last: $feed) {
    edges {
      node {
        ...DashboardChange
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
  model {
    name
  }
  modelVersion {
    name
    number
  }
}`) as unknown as TypedDocumentString<DashboardModelQuery, DashboardModelQueryVariables>;
export const DashboardSetStageDocument = new TypedDocumentString(`
    mutation DashboardSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
  setStage(name: $name, version: $version, stage: $stage, force: $force) {
    __typename
    ... on SetStageSuccess {
      modelVersion {
        name
        stage
      }
      archived {
        name
        number
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
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardSetStageMutation, DashboardSetStageMutationVariables>;