import { feedItemOf, mergeFeed } from './state/models.js';
import type { FetchModelNames } from './state/paging.js';
import type { SetStageAnswer } from './state/promote.js';
import type { ModelView, Scope, Stage, StageChangeLike, VersionView } from './state/types.js';

/** A GraphQL error with its `extensions.code` (UNAUTHENTICATED, FORBIDDEN…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Talks to one endpoint with one token; the page makes one per sign-in. */
export class Api {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code);
    if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
    return body.data;
  }

  viewer(): Promise<{ name: string; scopes: Scope[] }> {
    return this.request<{ viewer: { name: string; scopes: Scope[] } }>('query Viewer { viewer { name scopes } }').then((d) => d.viewer);
  }

  modelNames: FetchModelNames = (variables) =>
    this.request<{ models: Awaited<ReturnType<FetchModelNames>> }>(
      'query ModelNames($first: Int, $after: String, $search: String) { models(first: $first, after: $after, search: $search) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }',
      variables,
    ).then((d) => d.models);

  async model(name: string): Promise<ModelView | null> {
    const data = await this.request<{ model: RawModel | null; feed: { edges: { node: RawChange }[] } }>(MODEL_QUERY, { name });
    return data.model ? toModelView(data.model, data.feed.edges.map((edge) => edge.node)) : null;
  }

  async setStage(name: string, version: string, stage: Stage, force: boolean): Promise<SetStageAnswer> {
    const data = await this.request<{ setStage: SetStageAnswer }>(SET_STAGE_MUTATION, { name, version, stage, force });
    return data.setStage;
  }
}

/** How many versions a card lists; their stage histories make up the feed before live events. */
export const RECENT_VERSIONS = 8;
/** Stage changes shown per model when it loads (the newest); live events add to them. */
const FEED_LENGTH = 12;

const VERSION_FIELDS = 'name number stage description tags metadata createdAt';

const MODEL_QUERY = `
  query Model($name: String!) {
    model(name: $name) {
      name description tags
      production: version(stage: PRODUCTION) { ${VERSION_FIELDS} }
      staging: version(stage: STAGING) { ${VERSION_FIELDS} }
      latest: version(stage: LATEST) { ${VERSION_FIELDS} }
      versions(first: ${RECENT_VERSIONS}) {
        edges { node { ${VERSION_FIELDS} } }
      }
    }
    feed: stageChanges(model: $name, last: ${FEED_LENGTH}) {
      edges { node { cursor from to forced displaced actor occurredAt modelVersion { name number } } }
    }
  }`;

const SET_STAGE_MUTATION = `
  mutation SetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
    setStage(name: $name, version: $version, stage: $stage, force: $force) {
      __typename
      ... on SetStageSuccess { modelVersion { name stage } archived { name number } }
      ... on StageConflictError { holder { name number stage } }
      ... on Error { message }
    }
  }`;

/** A change as the model query reads it from the log (its model is the one asked for). */
export type RawChange = Omit<StageChangeLike, 'model'>;
/** The model query's answer: the page's model, with versions still in their connection. */
export type RawModel = Omit<ModelView, 'versions' | 'feed'> & { versions: { edges: { node: VersionView }[] } };

/** The model query's answer as the page keeps it; the feed starts from the model's newest changes. */
export function toModelView(raw: RawModel, changes: RawChange[]): ModelView {
  const versions = raw.versions.edges.map((e) => e.node);
  const feed = changes.map(feedItemOf);
  return {
    name: raw.name,
    description: raw.description,
    tags: raw.tags,
    production: raw.production,
    staging: raw.staging,
    latest: raw.latest,
    versions,
    feed: mergeFeed(feed, []),
  };
}
