/**
 * The dashboard's view of the API. Kept free of DOM and Preact so the state modules can be
 * unit-tested under Node and type-checked by both tsconfigs (hence the `.js` import suffixes).
 */

import type { SettableStage as Stage } from '../../vocabulary.js';
import type { DashboardChangeFragment, DashboardModelQuery, DashboardVersionFragment } from '../generated/graphql.js';

/** Stages a version can hold (LATEST is virtual and never held); scopes; both from src/vocabulary.ts. */
export { SETTABLE_STAGES, type Scope } from '../../vocabulary.js';
export type { Stage };

/** A version as a card shows it (the DashboardVersion fragment of ../operations/dashboard.graphql). */
export type VersionView = DashboardVersionFragment;

/** One line of a model's feed: a committed stage change, its version flattened to name and number. */
export type FeedItem = Omit<StageChangeLike, 'model' | 'modelVersion'> & { version: string; number: number };

/** A model as the page keeps it: the DashboardModel query's answer, its versions out of their connection. */
export type ModelView = Omit<NonNullable<DashboardModelQuery['model']>, 'versions'> & {
  /** Newest first. */
  versions: VersionView[];
  /** Newest first, capped at FEED_LIMIT. */
  feed: FeedItem[];
};

/**
 * A committed stage change as the card reads it (the DashboardChange fragment): what the model
 * query's feed answers, and a part of what src/client/live.ts' StageChangeEvent delivers.
 */
export type StageChangeLike = DashboardChangeFragment;
