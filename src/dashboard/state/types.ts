import type { PolicyView, RequestView } from './approvals.js';

/**
 * The dashboard's view of the API. Kept free of DOM and Preact so the state modules can be
 * unit-tested under Node and type-checked by both tsconfigs (hence the `.js` import suffixes).
 */

/** Stages a version can hold (LATEST is virtual and never held). */
export const SETTABLE_STAGES = ['NONE', 'STAGING', 'PRODUCTION', 'ARCHIVED'] as const;
export type Stage = (typeof SETTABLE_STAGES)[number];

export const SCOPES = ['READ', 'WRITE', 'PROMOTE', 'ADMIN'] as const;
export type Scope = (typeof SCOPES)[number];

export interface VersionView {
  name: string;
  number: number;
  stage: Stage;
  description: string | null;
  tags: string[];
  metadata: unknown;
  createdAt: string;
}

/** One line of a model's feed: a committed stage change, its version flattened to name and number. */
export type FeedItem = Omit<StageChangeLike, 'model' | 'modelVersion'> & { version: string; number: number };

export interface ModelView {
  name: string;
  description: string | null;
  tags: string[];
  production: VersionView | null;
  staging: VersionView | null;
  latest: VersionView | null;
  /** Newest first. */
  versions: VersionView[];
  /** Newest first, capped at FEED_LIMIT. */
  feed: FeedItem[];
  /** Who held each ledger stage and when, the current or latest stay first (Model.stagePeriods). */
  periods: Record<LedgerStage, PeriodView[]>;
  /** Stages whose moves need approvals (Model.stagePolicies). */
  policies: PolicyView[];
  /** Open (PENDING) promotion requests, newest first. */
  requests: RequestView[];
}

/** The stages that have one holder at a time, and so a ledger of holders (stagePeriods, rollbackStage). */
export const LEDGER_STAGES = ['PRODUCTION', 'STAGING'] as const;
export type LedgerStage = (typeof LEDGER_STAGES)[number];

/** One stay of one version in a ledger stage; `until` is null while it still holds it. */
export interface PeriodView {
  version: string;
  number: number;
  since: string;
  until: string | null;
  /** Who moved it in, and why (the entering change's actor and reason). */
  actor: string | null;
  reason: string | null;
}

/** What the stageChanged subscription delivers (the shape of src/client/live.ts' StageChangeEvent). */
export interface StageChangeLike {
  cursor: string;
  model: { name: string };
  modelVersion: { name: string; number: number };
  from: string;
  to: string;
  forced: boolean;
  displaced: boolean;
  actor: string | null;
  occurredAt: string;
  /** The reason given to the call that made the change (ledger); null when none was. */
  reason: string | null;
  /** The tokens whose approvals let the change through (governance); empty when none were needed. */
  approvedBy: string[];
}
