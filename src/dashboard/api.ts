import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  DashboardApprovePromotionDocument,
  DashboardCancelPromotionDocument,
  DashboardModelDocument,
  DashboardModelNamesDocument,
  DashboardRedeliverWebhookDocument,
  DashboardRejectPromotionDocument,
  DashboardRollbackStageDocument,
  DashboardSetStageDocument,
  DashboardSetWebhookActiveDocument,
  DashboardViewerDocument,
  DashboardWebhooksDocument,
  type DashboardModelQuery,
  type DashboardPeriodsFragment,
  type DashboardRequestFragment,
  type DashboardReviewOutcomeFragment,
  type DashboardViewerQuery,
  type DashboardWebhooksQuery,
} from './generated/graphql.js';
import type { RequestView } from './state/approvals.js';
import { feedItemOf, mergeFeed } from './state/models.js';
import type { FetchModelNames } from './state/paging.js';
import { PERIODS_SHOWN } from './state/periods.js';
import type { SetStageAnswer } from './state/promote.js';
import type { LedgerStage, ModelView, PeriodView, Stage } from './state/types.js';
import type { WebhookActionAnswer, WebhookView } from './state/webhooks.js';

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

/** The signed-in token: its name, scopes and the models it may change (null: every one). */
export type ViewerView = DashboardViewerQuery['viewer'];
/** What a review (or a cancellation) answered. */
export type ReviewAnswer = DashboardReviewOutcomeFragment;

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

  viewer(): Promise<ViewerView> {
    return this.request(DashboardViewerDocument, {}).then((d) => d.viewer);
  }

  modelNames: FetchModelNames = (variables) => this.request(DashboardModelNamesDocument, variables).then((d) => d.models);

  async model(name: string): Promise<ModelView | null> {
    const data = await this.request(DashboardModelDocument, { name, versions: CHART_VERSIONS, feed: FEED_LENGTH, periods: PERIODS_SHOWN, requests: REQUESTS_SHOWN });
    return data.model ? toModelView(data.model, data.feed.edges.map((edge) => edge.node), data.requests.edges.map((edge) => requestOf(edge.node))) : null;
  }

  async setStage(name: string, version: string, stage: Stage, options: MoveOptions = {}): Promise<SetStageAnswer> {
    return (await this.request(DashboardSetStageDocument, { name, version, stage, ...withReason(options) })).setStage;
  }

  async rollbackStage(name: string, stage: LedgerStage, options: Omit<MoveOptions, 'force'> = {}): Promise<SetStageAnswer> {
    return (await this.request(DashboardRollbackStageDocument, { name, stage, ...withReason(options) })).rollbackStage;
  }

  /** Approve, reject (reviewers) or cancel (its requester) a promotion request. */
  async reviewPromotion(verdict: 'approve' | 'reject' | 'cancel', id: string, comment?: string): Promise<ReviewAnswer> {
    const note = comment?.trim() || undefined;
    if (verdict === 'approve') return (await this.request(DashboardApprovePromotionDocument, { id, comment: note })).approvePromotion;
    if (verdict === 'reject') return (await this.request(DashboardRejectPromotionDocument, { id, comment: note })).rejectPromotion;
    return (await this.request(DashboardCancelPromotionDocument, { id })).cancelPromotion;
  }

  /** ADMIN: every webhook (page by page), each with its newest deliveries. */
  async webhooks(): Promise<WebhookView[]> {
    const all: WebhookView[] = [];
    for (let after: string | null = null; ; ) {
      const data: DashboardWebhooksQuery = await this.request(DashboardWebhooksDocument, { after, deliveries: DELIVERIES_SHOWN });
      all.push(...data.webhooks.edges.map(({ node }) => ({ ...node, deliveries: node.deliveries.edges.map((e) => e.node) })));
      if (!data.webhooks.pageInfo.hasNextPage) return all;
      after = data.webhooks.pageInfo.endCursor;
    }
  }

  async setWebhookActive(id: string, active: boolean): Promise<WebhookActionAnswer> {
    return (await this.request(DashboardSetWebhookActiveDocument, { id, active })).updateWebhook;
  }

  async redeliverWebhook(deliveryId: string): Promise<WebhookActionAnswer> {
    return (await this.request(DashboardRedeliverWebhookDocument, { deliveryId })).redeliverWebhook;
  }
}

/** How many versions a card lists; the metric chart compares more (CHART_VERSIONS, the newest). */
export const RECENT_VERSIONS = 8;
const CHART_VERSIONS = 20;
/** Stage changes shown per model when it loads (the newest); live events add to them. */
const FEED_LENGTH = 12;
/** Open requests listed per card (the newest). */
const REQUESTS_SHOWN = 20;
/** Deliveries listed per webhook on the Webhooks page (the newest). */
const DELIVERIES_SHOWN = 10;

/** A blank reason is no reason: the log keeps null rather than whitespace. */
function withReason<T extends { reason?: string }>(options: T): T {
  const reason = options.reason?.trim();
  return { ...options, reason: reason ? reason : undefined };
}

/** A change as the model query reads it from the log. */
export type RawChange = DashboardModelQuery['feed']['edges'][number]['node'];
/** The model query's answer: the page's model, with versions and stays still in their connections. */
export type RawModel = NonNullable<DashboardModelQuery['model']>;
/** A promotion request as the API answers it (the model query, promotionRequestChanged). */
export type RawRequest = DashboardRequestFragment;

export function requestOf({ modelVersion, ...rest }: RawRequest): RequestView {
  // A policy exists only for STAGING and PRODUCTION, so a request is for one of those.
  return { ...rest, stage: rest.stage as LedgerStage, version: modelVersion.name, number: modelVersion.number };
}

const periodsOf = (connection: DashboardPeriodsFragment): PeriodView[] =>
  connection.edges.map(({ node: { since, until, modelVersion, entered } }) => ({
    version: modelVersion.name,
    number: modelVersion.number,
    since,
    until,
    actor: entered.actor,
    reason: entered.reason,
  }));

/** The model query's answer as the page keeps it; the feed starts from the model's newest changes. */
export function toModelView(raw: RawModel, changes: RawChange[], requests: RequestView[] = []): ModelView {
  return {
    name: raw.name,
    description: raw.description,
    tags: raw.tags,
    production: raw.production,
    staging: raw.staging,
    latest: raw.latest,
    versions: raw.versions.edges.map((e) => e.node),
    feed: mergeFeed(changes.map(feedItemOf), []),
    periods: { PRODUCTION: periodsOf(raw.productionPeriods), STAGING: periodsOf(raw.stagingPeriods) },
    policies: raw.stagePolicies.map((p) => ({ stage: p.stage as LedgerStage, requiredApprovals: p.requiredApprovals })),
    requests,
  };
}
