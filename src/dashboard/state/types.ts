import type { PolicyView, RequestView } from './approvals.js';

/**
 * The dashboard's view of the API. Kept free of DOM and Preact so the state modules can be
 * unit-tested under Node and type-checked by both tsconfigs (hence the `.js` import suffixes).
 */

import type { SettableStage as Stage, UniqueStage } from '../../vocabulary.js';
import type { DashboardChangeFragment, DashboardVersionFragment } from '../generated/graphql.js';

/** Stages a version can hold (LATEST is virtual and never held); scopes; both from src/vocabulary.ts. */
export { SETTABLE_STAGES, type Scope } from '../../vocabulary.js';
export type { Stage };

/** A version as a card shows it (the DashboardVersion fragment of ../operations/dashboard.graphql). */
export type VersionView = DashboardVersionFragment;

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

/** The stages that have one holder at a time, and so a ledger of holders (stagePeriods, rollbackStage), production first. */
export const LEDGER_STAGES = ['PRODUCTION', 'STAGING'] as const satisfies readonly UniqueStage[];
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

/**
 * A committed stage change as the card reads it (the DashboardChange fragment): what the model
 * query's feed answers, and a part of what src/client/live.ts' StageChangeEvent delivers.
 */
export type StageChangeLike = DashboardChangeFragment;
