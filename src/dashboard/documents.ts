import { PERIODS_SHOWN } from './state/periods.js';

/**
 * Every GraphQL document the dashboard sends, as plain strings (the page ships no graphql-js and
 * no generated client: only its live stage feed comes from src/client/live.ts). They are not
 * generated, so test/dashboard-documents.test.ts validates each one against schema.graphql:
 * a renamed field fails there, not in a browser.
 */

/** How many versions a card lists; the metric chart reads the same page. */
export const RECENT_VERSIONS = 8;
/** Versions the metric chart compares (newest), a superset of the listed ones. */
export const CHART_VERSIONS = 20;
/** Stage changes shown per model when it loads (the newest); live events add to them. */
export const FEED_LENGTH = 12;

const VERSION_FIELDS = 'name number stage description tags metadata createdAt';
/** Open requests listed per card (the newest). */
export const REQUESTS_SHOWN = 20;
const REQUEST_FIELDS = 'id stage force reason requestedBy status requiredApprovals createdAt modelVersion { name number } reviews { actor approved comment at }';
const PERIOD_FIELDS = `edges { node { since until modelVersion { name number } entered { actor reason } } }`;

export const VIEWER_QUERY = 'query Viewer { viewer { name scopes models } }';

export const MODEL_NAMES_QUERY =
  'query ModelNames($first: Int, $after: String, $search: String) { models(first: $first, after: $after, search: $search) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }';

export const MODEL_QUERY = `
  query Model($name: String!) {
    model(name: $name) {
      name description tags
      production: version(stage: PRODUCTION) { ${VERSION_FIELDS} }
      staging: version(stage: STAGING) { ${VERSION_FIELDS} }
      latest: version(stage: LATEST) { ${VERSION_FIELDS} }
      versions(first: ${CHART_VERSIONS}) {
        edges { node { ${VERSION_FIELDS} } }
      }
      productionPeriods: stagePeriods(stage: PRODUCTION, first: ${PERIODS_SHOWN}) { ${PERIOD_FIELDS} }
      stagingPeriods: stagePeriods(stage: STAGING, first: ${PERIODS_SHOWN}) { ${PERIOD_FIELDS} }
      stagePolicies { stage requiredApprovals }
    }
    requests: promotionRequests(model: $name, status: PENDING, first: ${REQUESTS_SHOWN}) {
      edges { node { ${REQUEST_FIELDS} } }
    }
    feed: stageChanges(model: $name, last: ${FEED_LENGTH}) {
      edges { node { cursor from to forced displaced actor occurredAt reason approvedBy modelVersion { name number } } }
    }
  }`;

/** The one selection for setStage and rollbackStage: success, a dry run's preview, or the error. */
const MOVE_OUTCOME = `
      __typename
      ... on SetStageSuccess { modelVersion { name number stage } archived { name number } }
      ... on SetStagePreview { modelVersion { name number stage } from to archived { name number } noop }
      ... on StageConflictError { holder { name number stage } }
      ... on PreconditionFailedError { actualHolder { name number } }
      ... on ApprovalRequiredError { request { stage requiredApprovals reviews { approved } } }
      ... on Error { message code }`;

export const SET_STAGE_MUTATION = `
  mutation SetStage($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $dryRun: Boolean, $expectedHolder: String, $reason: String) {
    setStage(name: $name, version: $version, stage: $stage, force: $force, dryRun: $dryRun, expectedHolder: $expectedHolder, reason: $reason) {${MOVE_OUTCOME}
    }
  }`;

export const ROLLBACK_STAGE_MUTATION = `
  mutation RollbackStage($name: String!, $stage: ModelStage!, $dryRun: Boolean, $expectedHolder: String, $reason: String) {
    rollbackStage(name: $name, stage: $stage, dryRun: $dryRun, expectedHolder: $expectedHolder, reason: $reason) {${MOVE_OUTCOME}
    }
  }`;

/** A new version, live: it becomes its model's LATEST on the page without a refetch. */
export const VERSION_CREATED_SUBSCRIPTION = `
  subscription VersionCreated {
    versionCreated { ${VERSION_FIELDS} model { name } }
  }`;

/** Deliveries listed per webhook on the Webhooks page (the newest). */
export const DELIVERIES_SHOWN = 10;

const WEBHOOK_FIELDS = `
  id url events description active createdAt model { name }
  deliveries(first: ${DELIVERIES_SHOWN}) {
    edges { node { id event messageId status attempts createdAt lastAttemptAt lastResponseStatus lastError nextAttemptAt deliveredAt } }
  }`;

export const WEBHOOKS_QUERY = `
  query Webhooks($after: String) {
    webhooks(first: 100, after: $after) {
      edges { node { ${WEBHOOK_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

export const SET_WEBHOOK_ACTIVE_MUTATION = `
  mutation SetWebhookActive($id: ID!, $active: Boolean!) {
    updateWebhook(id: $id, active: $active) {
      __typename
      ... on UpdateWebhookSuccess { webhook { id active } }
      ... on Error { message code }
    }
  }`;

export const REDELIVER_WEBHOOK_MUTATION = `
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      __typename
      ... on RedeliverWebhookSuccess { delivery { id status } }
      ... on Error { message code }
    }
  }`;

/** Every request opened or changed, live: the cards' open requests follow without a refetch. */
export const PROMOTION_REQUEST_CHANGED_SUBSCRIPTION = `
  subscription PromotionRequestChanged {
    promotionRequestChanged { ${REQUEST_FIELDS} model { name } }
  }`;

const REVIEW_OUTCOME = `
      __typename
      ... on ReviewPromotionSuccess { request { id status } }
      ... on StageConflictError { holder { name number stage } }
      ... on Error { message code }`;

export const APPROVE_PROMOTION_MUTATION = `
  mutation ApprovePromotion($id: ID!, $comment: String) {
    approvePromotion(id: $id, comment: $comment) {${REVIEW_OUTCOME}
    }
  }`;

export const REJECT_PROMOTION_MUTATION = `
  mutation RejectPromotion($id: ID!, $comment: String) {
    rejectPromotion(id: $id, comment: $comment) {${REVIEW_OUTCOME}
    }
  }`;

export const CANCEL_PROMOTION_MUTATION = `
  mutation CancelPromotion($id: ID!) {
    cancelPromotion(id: $id) {${REVIEW_OUTCOME}
    }
  }`;
