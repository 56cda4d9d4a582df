import {
  APPROVE_PROMOTION_MUTATION,
  CANCEL_PROMOTION_MUTATION,
  MODEL_NAMES_QUERY,
  MODEL_QUERY,
  RECENT_VERSIONS,
  REDELIVER_WEBHOOK_MUTATION,
  REJECT_PROMOTION_MUTATION,
  ROLLBACK_STAGE_MUTATION,
  SET_STAGE_MUTATION,
  SET_WEBHOOK_ACTIVE_MUTATION,
  VIEWER_QUERY,
  WEBHOOKS_QUERY,
} from './documents.js';
import { feedItemOf, mergeFeed } from './state/models.js';
import type { FetchModelNames } from './state/paging.js';
import type { SetStageAnswer } from './state/promote.js';
import type { PolicyView, RequestView } from './state/approvals.js';
import type { DeliveryView, WebhookActionAnswer, WebhookView } from './state/webhooks.js';
import type { LedgerStage, ModelView, PeriodView, Scope, Stage, StageChangeLike, VersionView } from './state/types.js';

export { RECENT_VERSIONS };

/** A GraphQL error with its `extensions.code` (UNAUTHENTICATED, FORBIDDEN…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Options of a move from the page: a dry run first, then the real call pinned to what it showed. */
export interface MoveOptions {
  force?: boolean;
  dryRun?: boolean;
  expectedHolder?: string;
  reason?: string;
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

  viewer(): Promise<ViewerView> {
    return this.request<{ viewer: ViewerView }>(VIEWER_QUERY).then((d) => d.viewer);
  }

  modelNames: FetchModelNames = (variables) => this.request<{ models: Awaited<ReturnType<FetchModelNames>> }>(MODEL_NAMES_QUERY, variables).then((d) => d.models);

  async model(name: string): Promise<ModelView | null> {
    const data = await this.request<{ model: RawModel | null; feed: { edges: { node: RawChange }[] }; requests: { edges: { node: RawRequest }[] } }>(MODEL_QUERY, { name });
    return data.model ? toModelView(data.model, data.feed.edges.map((edge) => edge.node), data.requests.edges.map((edge) => requestOf(edge.node))) : null;
  }

  async setStage(name: string, version: string, stage: Stage, options: MoveOptions = {}): Promise<SetStageAnswer> {
    const data = await this.request<{ setStage: SetStageAnswer }>(SET_STAGE_MUTATION, { name, version, stage, ...withReason(options) });
    return data.setStage;
  }

  async rollbackStage(name: string, stage: LedgerStage, options: Omit<MoveOptions, 'force'> = {}): Promise<SetStageAnswer> {
    const data = await this.request<{ rollbackStage: SetStageAnswer }>(ROLLBACK_STAGE_MUTATION, { name, stage, ...withReason(options) });
    return data.rollbackStage;
  }

  /** Approve, reject (reviewers) or cancel (its requester) a promotion request. */
  async reviewPromotion(verdict: 'approve' | 'reject' | 'cancel', id: string, comment?: string): Promise<ReviewAnswer> {
    const documents = { approve: APPROVE_PROMOTION_MUTATION, reject: REJECT_PROMOTION_MUTATION, cancel: CANCEL_PROMOTION_MUTATION };
    const fields = { approve: 'approvePromotion', reject: 'rejectPromotion', cancel: 'cancelPromotion' } as const;
    const variables = verdict === 'cancel' ? { id } : { id, comment: comment?.trim() || undefined };
    const data = await this.request<Record<string, ReviewAnswer>>(documents[verdict], variables);
    return data[fields[verdict]]!;
  }

  /** ADMIN: every webhook (page by page), each with its newest deliveries. */
  async webhooks(): Promise<WebhookView[]> {
    const all: WebhookView[] = [];
    for (let after: string | null = null; ; ) {
      type Page = { webhooks: { edges: { node: RawWebhook }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const data: Page = await this.request<Page>(WEBHOOKS_QUERY, { after });
      all.push(...data.webhooks.edges.map(({ node }) => ({ ...node, deliveries: node.deliveries.edges.map((e) => e.node) })));
      if (!data.webhooks.pageInfo.hasNextPage) return all;
      after = data.webhooks.pageInfo.endCursor;
    }
  }

  async setWebhookActive(id: string, active: boolean): Promise<WebhookActionAnswer> {
    return (await this.request<{ updateWebhook: WebhookActionAnswer }>(SET_WEBHOOK_ACTIVE_MUTATION, { id, active })).updateWebhook;
  }

  async redeliverWebhook(deliveryId: string): Promise<WebhookActionAnswer> {
    return (await this.request<{ redeliverWebhook: WebhookActionAnswer }>(REDELIVER_WEBHOOK_MUTATION, { deliveryId })).redeliverWebhook;
  }
}

type RawWebhook = Omit<WebhookView, 'deliveries'> & { deliveries: { edges: { node: DeliveryView }[] } };

/** The signed-in token: its name, scopes and the models it may change (null: every one). */
export interface ViewerView {
  name: string;
  scopes: Scope[];
  models: string[] | null;
}

/** What a review (or a cancellation) answered. */
export interface ReviewAnswer {
  __typename: string;
  message?: string;
  request?: { id: string; status: string };
  holder?: { name: string; number: number; stage: string };
}

/** A promotion request as the API answers it (the model query, promotionRequestChanged). */
export type RawRequest = Omit<RequestView, 'version' | 'number'> & { modelVersion: { name: string; number: number } };

export function requestOf({ modelVersion, ...rest }: RawRequest): RequestView {
  return { ...rest, version: modelVersion.name, number: modelVersion.number };
}

/** A blank reason is no reason: the log keeps null rather than whitespace. */
function withReason<T extends { reason?: string }>(options: T): T {
  const reason = options.reason?.trim();
  return { ...options, reason: reason ? reason : undefined };
}

/** A change as the model query reads it from the log (its model is the one asked for). */
export type RawChange = Omit<StageChangeLike, 'model'>;
/** One stay as the model query reads it (Model.stagePeriods). */
export interface RawPeriod {
  since: string;
  until: string | null;
  modelVersion: { name: string; number: number };
  entered: { actor: string | null; reason: string | null };
}
/** The model query's answer: the page's model, with versions and stays still in their connections. */
export type RawModel = Omit<ModelView, 'versions' | 'feed' | 'periods' | 'policies' | 'requests'> & {
  stagePolicies: PolicyView[];
  versions: { edges: { node: VersionView }[] };
  productionPeriods: { edges: { node: RawPeriod }[] };
  stagingPeriods: { edges: { node: RawPeriod }[] };
};

const periodOf = ({ since, until, modelVersion, entered }: RawPeriod): PeriodView => ({
  version: modelVersion.name,
  number: modelVersion.number,
  since,
  until,
  actor: entered.actor,
  reason: entered.reason,
});

/** The model query's answer as the page keeps it; the feed starts from the model's newest changes. */
export function toModelView(raw: RawModel, changes: RawChange[], requests: RequestView[] = []): ModelView {
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
    periods: {
      PRODUCTION: raw.productionPeriods.edges.map((e) => periodOf(e.node)),
      STAGING: raw.stagingPeriods.edges.map((e) => periodOf(e.node)),
    },
    policies: raw.stagePolicies,
    requests,
  };
}
