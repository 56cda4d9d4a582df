import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  DashboardModelDocument,
  DashboardModelNamesDocument,
  DashboardSetStageDocument,
  DashboardViewerDocument,
  type DashboardModelQuery,
  type DashboardViewerQuery,
} from './generated/graphql.js';
import { feedItemOf, mergeFeed } from './state/models.js';
import type { FetchModelNames } from './state/paging.js';
import type { SetStageAnswer } from './state/promote.js';
import type { ModelView, Stage } from './state/types.js';

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

  /** Runs one generated document (../operations/dashboard.graphql); its answer is typed by it. */
  async request<TData, TVariables>(document: DocumentTypeDecoration<TData, TVariables>, variables: TVariables): Promise<TData> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query: String(document), variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: TData; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code);
    if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
    return body.data;
  }

  viewer(): Promise<DashboardViewerQuery['viewer']> {
    return this.request(DashboardViewerDocument, {}).then((d) => d.viewer);
  }

  modelNames: FetchModelNames = (variables) => this.request(DashboardModelNamesDocument, variables).then((d) => d.models);

  async model(name: string): Promise<ModelView | null> {
    const data = await this.request(DashboardModelDocument, { name, versions: RECENT_VERSIONS, feed: FEED_LENGTH });
    return data.model ? toModelView(data.model, data.feed.edges.map((edge) => edge.node)) : null;
  }

  async setStage(name: string, version: string, stage: Stage, force: boolean): Promise<SetStageAnswer> {
    const data = await this.request(DashboardSetStageDocument, { name, version, stage, force });
    return data.setStage;
  }
}

/** How many versions a card lists; their stage histories make up the feed before live events. */
export const RECENT_VERSIONS = 8;
/** Stage changes shown per model when it loads (the newest); live events add to them. */
const FEED_LENGTH = 12;

/** A change as the model query reads it from the log. */
export type RawChange = DashboardModelQuery['feed']['edges'][number]['node'];
/** The model query's answer: the page's model, with versions still in their connection. */
export type RawModel = NonNullable<DashboardModelQuery['model']>;

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
