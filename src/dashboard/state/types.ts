/**
 * The dashboard's view of the API. Kept free of DOM and Preact so the state modules can be
 * unit-tested under Node and type-checked by both tsconfigs (hence the `.js` import suffixes).
 */

/** Stages a version can hold (LATEST is virtual and never held); scopes; both from src/vocabulary.ts. */
import type { SettableStage as Stage } from '../../vocabulary.js';

export { SETTABLE_STAGES, type Scope } from '../../vocabulary.js';
export type { Stage };

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
}
