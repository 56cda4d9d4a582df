/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment DashboardVersion on ModelVersion {\n  name\n  number\n  stage\n  description\n  tags\n  metadata\n  createdAt\n}\n\nfragment DashboardChange on StageChange {\n  cursor\n  from\n  to\n  forced\n  displaced\n  actor\n  occurredAt\n  model {\n    name\n  }\n  modelVersion {\n    name\n    number\n  }\n}\n\nquery DashboardViewer {\n  viewer {\n    name\n    scopes\n  }\n}\n\nquery DashboardModelNames($first: Int, $after: String, $search: String) {\n  models(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardModel($name: String!, $versions: Int!, $feed: Int!) {\n  model(name: $name) {\n    name\n    description\n    tags\n    production: version(stage: PRODUCTION) {\n      ...DashboardVersion\n    }\n    staging: version(stage: STAGING) {\n      ...DashboardVersion\n    }\n    latest: version(stage: LATEST) {\n      ...DashboardVersion\n    }\n    versions(first: $versions) {\n      edges {\n        node {\n          ...DashboardVersion\n        }\n      }\n    }\n  }\n  feed: stageChanges(model: $name, last: $feed) {\n    edges {\n      node {\n        ...DashboardChange\n      }\n    }\n  }\n}\n\nmutation DashboardSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {\n  setStage(name: $name, version: $version, stage: $stage, force: $force) {\n    __typename\n    ... on SetStageSuccess {\n      modelVersion {\n        name\n        stage\n      }\n      archived {\n        name\n      }\n    }\n    ... on StageConflictError {\n      holder {\n        name\n        number\n        stage\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.DashboardVersionFragmentDoc,
};
const documents: Documents = {
    "fragment DashboardVersion on ModelVersion {\n  name\n  number\n  stage\n  description\n  tags\n  metadata\n  createdAt\n}\n\nfragment DashboardChange on StageChange {\n  cursor\n  from\n  to\n  forced\n  displaced\n  actor\n  occurredAt\n  model {\n    name\n  }\n  modelVersion {\n    name\n    number\n  }\n}\n\nquery DashboardViewer {\n  viewer {\n    name\n    scopes\n  }\n}\n\nquery DashboardModelNames($first: Int, $after: String, $search: String) {\n  models(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardModel($name: String!, $versions: Int!, $feed: Int!) {\n  model(name: $name) {\n    name\n    description\n    tags\n    production: version(stage: PRODUCTION) {\n      ...DashboardVersion\n    }\n    staging: version(stage: STAGING) {\n      ...DashboardVersion\n    }\n    latest: version(stage: LATEST) {\n      ...DashboardVersion\n    }\n    versions(first: $versions) {\n      edges {\n        node {\n          ...DashboardVersion\n        }\n      }\n    }\n  }\n  feed: stageChanges(model: $name, last: $feed) {\n    edges {\n      node {\n        ...DashboardChange\n      }\n    }\n  }\n}\n\nmutation DashboardSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {\n  setStage(name: $name, version: $version, stage: $stage, force: $force) {\n    __typename\n    ... on SetStageSuccess {\n      modelVersion {\n        name\n        stage\n      }\n      archived {\n        name\n      }\n    }\n    ... on StageConflictError {\n      holder {\n        name\n        number\n        stage\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.DashboardVersionFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DashboardVersion on ModelVersion {\n  name\n  number\n  stage\n  description\n  tags\n  metadata\n  createdAt\n}\n\nfragment DashboardChange on StageChange {\n  cursor\n  from\n  to\n  forced\n  displaced\n  actor\n  occurredAt\n  model {\n    name\n  }\n  modelVersion {\n    name\n    number\n  }\n}\n\nquery DashboardViewer {\n  viewer {\n    name\n    scopes\n  }\n}\n\nquery DashboardModelNames($first: Int, $after: String, $search: String) {\n  models(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardModel($name: String!, $versions: Int!, $feed: Int!) {\n  model(name: $name) {\n    name\n    description\n    tags\n    production: version(stage: PRODUCTION) {\n      ...DashboardVersion\n    }\n    staging: version(stage: STAGING) {\n      ...DashboardVersion\n    }\n    latest: version(stage: LATEST) {\n      ...DashboardVersion\n    }\n    versions(first: $versions) {\n      edges {\n        node {\n          ...DashboardVersion\n        }\n      }\n    }\n  }\n  feed: stageChanges(model: $name, last: $feed) {\n    edges {\n      node {\n        ...DashboardChange\n      }\n    }\n  }\n}\n\nmutation DashboardSetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {\n  setStage(name: $name, version: $version, stage: $stage, force: $force) {\n    __typename\n    ... on SetStageSuccess {\n      modelVersion {\n        name\n        stage\n      }\n      archived {\n        name\n      }\n    }\n    ... on StageConflictError {\n      holder {\n        name\n        number\n        stage\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): typeof import('./graphql.js').DashboardVersionFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
