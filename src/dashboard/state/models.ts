import { applyRequestChanged, describeRequestChange, type RequestView } from './approvals.js';
import { applyChangeToPeriods } from './periods.js';
import type { FeedItem, ModelView, StageChangeLike, VersionView } from './types.js';

export const FEED_LIMIT = 12;

/** Cursors are positions in one global log; compare them as integers, not strings ("10" > "9"). */
export function compareCursors(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function feedItemOf(change: Omit<StageChangeLike, 'model'>): FeedItem {
  return {
    cursor: change.cursor,
    version: change.modelVersion.name,
    number: change.modelVersion.number,
    from: change.from,
    to: change.to,
    forced: change.forced,
    displaced: change.displaced,
    actor: change.actor,
    occurredAt: change.occurredAt,
    reason: change.reason,
    approvedBy: change.approvedBy,
  };
}

/** Union of two feeds: one entry per cursor, newest first, capped. */
export function mergeFeed(a: readonly FeedItem[], b: readonly FeedItem[]): FeedItem[] {
  const byCursor = new Map<string, FeedItem>();
  for (const item of [...a, ...b]) byCursor.set(item.cursor, item);
  return [...byCursor.values()].sort((x, y) => compareCursors(y.cursor, x.cursor)).slice(0, FEED_LIMIT);
}

/**
 * Applies one committed change to a model at once, before the refetch that brings exact data:
 * the moved version's badge, the PRODUCTION/STAGING slots, their timeline and the feed. A version the page has
 * not loaded fills its slot with what the event says (name, number); metadata follows on refetch.
 */
export function applyStageChange(model: ModelView, change: StageChangeLike): ModelView {
  const { number, name } = change.modelVersion;
  const to = change.to as VersionView['stage'];
  const known = [model.production, model.staging, model.latest, ...model.versions].find((v) => v?.number === number);
  const moved: VersionView = known
    ? { ...known, stage: to }
    : { name, number, stage: to, description: null, tags: [], metadata: null, createdAt: change.occurredAt };
  const slot = (current: VersionView | null, stage: 'PRODUCTION' | 'STAGING'): VersionView | null => {
    if (to === stage) return moved;
    return current?.number === number ? null : current;
  };
  return {
    ...model,
    production: slot(model.production, 'PRODUCTION'),
    staging: slot(model.staging, 'STAGING'),
    latest: model.latest?.number === number ? moved : model.latest,
    versions: model.versions.map((v) => (v.number === number ? moved : v)),
    feed: mergeFeed([feedItemOf(change)], model.feed),
    periods: applyChangeToPeriods(model.periods, change),
  };
}

/**
 * Adds a version announced by versionCreated: first in the list and, being the newest, the
 * model's LATEST. Announced once; a version the page already has (a refetch came first) stays.
 */
export function applyVersionCreated(model: ModelView, version: VersionView): ModelView {
  if (model.versions.some((v) => v.number === version.number)) return model;
  const versions = [version, ...model.versions].sort((a, b) => b.number - a.number);
  const latest = model.latest && model.latest.number > version.number ? model.latest : version;
  return { ...model, versions, latest };
}

export interface DashboardState {
  models: Record<string, ModelView>;
  /** Per model, the sequence number of the newest load applied: older answers are dropped. */
  loaded: Record<string, number>;
  /** The last change, in words, for the aria-live region. */
  announcement: string;
}

export type DashboardAction =
  | { type: 'loaded'; seq: number; name: string; model: ModelView | null }
  | { type: 'change'; change: StageChangeLike }
  | { type: 'versionCreated'; model: string; version: VersionView }
  | { type: 'requestChanged'; model: string; request: RequestView }
  | { type: 'reset' };

export const initialDashboard: DashboardState = { models: {}, loaded: {}, announcement: '' };

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'loaded': {
      // Loads race with each other (a page load and an event's refetch): the latest request wins.
      if ((state.loaded[action.name] ?? -1) > action.seq) return state;
      const loaded = { ...state.loaded, [action.name]: action.seq };
      const models = { ...state.models };
      if (action.model) {
        // Live entries that arrived while loading, or that the loaded histories do not reach, stay.
        const previous = models[action.name];
        models[action.name] = { ...action.model, feed: mergeFeed(action.model.feed, previous?.feed ?? []) };
      } else delete models[action.name];
      return { ...state, models, loaded };
    }
    case 'change': {
      const { change } = action;
      const model = state.models[change.model.name];
      const announcement = describeChange(change);
      if (!model) return { ...state, announcement };
      return { ...state, announcement, models: { ...state.models, [change.model.name]: applyStageChange(model, change) } };
    }
    case 'versionCreated': {
      const model = state.models[action.model];
      const announcement = `${action.model} version ${action.version.name} created`;
      if (!model) return { ...state, announcement };
      return { ...state, announcement, models: { ...state.models, [action.model]: applyVersionCreated(model, action.version) } };
    }
    case 'requestChanged': {
      const model = state.models[action.model];
      const announcement = describeRequestChange(action.model, action.request);
      if (!model) return { ...state, announcement };
      return { ...state, announcement, models: { ...state.models, [action.model]: { ...model, requests: applyRequestChanged(model.requests, action.request) } } };
    }
    case 'reset':
      return initialDashboard;
  }
}

export function describeChange(change: StageChangeLike): string {
  const how = change.displaced ? ' (displaced by force)' : change.forced ? ' (forced)' : '';
  const who = change.actor ? ` by ${change.actor}` : '';
  return `${change.model.name} version ${change.modelVersion.name}: ${change.from} to ${change.to}${how}${who}`;
}
