import { describe, expect, it } from 'vitest';
import { toModelView, type RawChange, type RawModel } from '../src/dashboard/api.js';
import { flattenMetadata, metricRows, relativeTime, versionLabel } from '../src/dashboard/state/format.js';
import { applyStageChange, compareCursors, dashboardReducer, FEED_LIMIT, initialDashboard, mergeFeed } from '../src/dashboard/state/models.js';
import { findModelPage, type FetchModelNames } from '../src/dashboard/state/paging.js';
import { effectiveScopes, mayTarget, permissionsOf } from '../src/dashboard/state/permissions.js';
import { describeOutcome, interpretSetStage } from '../src/dashboard/state/promote.js';
import type { FeedItem, VersionView } from '../src/dashboard/state/types.js';
import { modelView, stageChange, version } from './support/dashboard-views.js';

const change = stageChange;
const model = (versions: VersionView[]) => modelView(versions);

describe('applyStageChange', () => {
  it('moves a version into a free slot and onto the feed', () => {
    const next = applyStageChange(model([version(2, 'NONE'), version(1, 'NONE')]), change(5, 2, 'NONE', 'STAGING'));
    expect(next.staging?.number).toBe(2);
    expect(next.latest?.stage).toBe('STAGING');
    expect(next.versions.map((v) => v.stage)).toEqual(['STAGING', 'NONE']);
    expect(next.feed).toMatchObject([{ cursor: '5', version: '2', from: 'NONE', to: 'STAGING', actor: 'ci' }]);
  });

  it('applies a forced move (holder displaced, then the new holder) in commit order', () => {
    const start = model([version(2, 'STAGING', { f1: 0.9 }), version(1, 'PRODUCTION', { f1: 0.8 })]);
    const displaced = applyStageChange(start, change(7, 1, 'PRODUCTION', 'ARCHIVED', { forced: true, displaced: true }));
    expect(displaced.production).toBeNull();
    const next = applyStageChange(displaced, change(8, 2, 'STAGING', 'PRODUCTION', { forced: true }));
    expect(next.production).toMatchObject({ number: 2, stage: 'PRODUCTION', metadata: { f1: 0.9 } });
    expect(next.staging).toBeNull();
    expect(next.versions.map((v) => [v.number, v.stage])).toEqual([
      [2, 'PRODUCTION'],
      [1, 'ARCHIVED'],
    ]);
    expect(next.feed.map((f) => [f.cursor, f.forced, f.displaced])).toEqual([
      ['8', true, false],
      ['7', true, true],
    ]);
  });

  it('fills a slot with a version the page has not loaded, from the event alone', () => {
    const next = applyStageChange(model([version(9, 'NONE')]), change(3, 4, 'NONE', 'PRODUCTION'));
    expect(next.production).toMatchObject({ name: '4', number: 4, stage: 'PRODUCTION', metadata: null });
    expect(next.versions).toHaveLength(1);
  });
});

describe('feed', () => {
  const item = (cursor: string): FeedItem => ({ ...change(0, 1, 'NONE', 'STAGING'), cursor, version: '1', number: 1 });

  it('compares cursors as integers', () => {
    expect(compareCursors('10', '9')).toBe(1);
    expect(compareCursors('9', '10')).toBe(-1);
    expect(compareCursors('12345678901234567890', '12345678901234567890')).toBe(0);
  });

  it('merges without duplicates, newest first, capped', () => {
    const merged = mergeFeed([item('9'), item('10')], [item('10'), item('2')]);
    expect(merged.map((f) => f.cursor)).toEqual(['10', '9', '2']);
    const many = Array.from({ length: 30 }, (_, i) => item(String(i)));
    expect(mergeFeed(many, [])).toHaveLength(FEED_LIMIT);
    expect(mergeFeed(many, [])[0]?.cursor).toBe('29');
  });
});

describe('dashboardReducer', () => {
  it('drops a load answered after a newer one (the latest request wins)', () => {
    const fresh = model([version(1, 'PRODUCTION')]);
    const stale = model([version(1, 'NONE')]);
    let state = dashboardReducer(initialDashboard, { type: 'loaded', seq: 2, name: 'fraud', model: fresh });
    state = dashboardReducer(state, { type: 'loaded', seq: 1, name: 'fraud', model: stale });
    expect(state.models.fraud?.production?.number).toBe(1);
  });

  it('keeps live feed entries across a reload and announces every change', () => {
    let state = dashboardReducer(initialDashboard, { type: 'loaded', seq: 1, name: 'fraud', model: model([version(1, 'NONE')]) });
    state = dashboardReducer(state, { type: 'change', change: change(4, 1, 'NONE', 'STAGING') });
    expect(state.announcement).toBe('fraud version 1: NONE to STAGING by ci');
    state = dashboardReducer(state, { type: 'loaded', seq: 2, name: 'fraud', model: model([version(1, 'STAGING')]) });
    expect(state.models.fraud?.feed.map((f) => f.cursor)).toEqual(['4']);
  });

  it('announces changes of models not on the page without storing them', () => {
    const state = dashboardReducer(initialDashboard, { type: 'change', change: change(1, 1, 'STAGING', 'ARCHIVED', { displaced: true, forced: true }) });
    expect(state.models).toEqual({});
    expect(state.announcement).toContain('(displaced by force)');
  });

  it('forgets a model that no longer exists', () => {
    let state = dashboardReducer(initialDashboard, { type: 'loaded', seq: 1, name: 'fraud', model: model([]) });
    state = dashboardReducer(state, { type: 'loaded', seq: 2, name: 'fraud', model: null });
    expect(state.models).toEqual({});
  });
});

describe('permissions', () => {
  it('expands each scope to the ones before it', () => {
    expect([...effectiveScopes(['PROMOTE'])]).toEqual(['READ', 'WRITE', 'PROMOTE']);
    expect([...effectiveScopes([])]).toEqual([]);
  });

  it('READ may not change stages at all', () => {
    const p = permissionsOf(['READ']);
    expect(p).toEqual({ canSetStage: false, canPromoteToProduction: false, canForce: false });
    expect(mayTarget(p, 'STAGING')).toBe(false);
  });

  it('WRITE may move to NONE, STAGING and ARCHIVED but not PRODUCTION, nor force', () => {
    const p = permissionsOf(['READ', 'WRITE']);
    expect((['NONE', 'STAGING', 'ARCHIVED', 'PRODUCTION'] as const).map((s) => mayTarget(p, s))).toEqual([true, true, true, false]);
    expect(p.canForce).toBe(false);
  });

  it('PROMOTE may move to PRODUCTION and force', () => {
    const p = permissionsOf(['READ', 'WRITE', 'PROMOTE']);
    expect(mayTarget(p, 'PRODUCTION')).toBe(true);
    expect(p.canForce).toBe(true);
  });
});

describe('promote outcome', () => {
  it('reads success, with what force archived', () => {
    const archived = [{ name: '1', number: 1 }, { name: '1.2.3', number: 2 }];
    const outcome = interpretSetStage({ __typename: 'SetStageSuccess', modelVersion: { name: '3', number: 3, stage: 'PRODUCTION' }, archived });
    expect(outcome).toEqual({ kind: 'done', stage: 'PRODUCTION', archived });
    expect(describeOutcome(outcome)).toBe('Moved to PRODUCTION; archived 1, 1.2.3 #2.');
  });

  it('names the holder on STAGE_CONFLICT', () => {
    const outcome = interpretSetStage({ __typename: 'StageConflictError', message: 'held', code: 'STAGE_CONFLICT', holder: { name: '1', number: 1, stage: 'STAGING' } });
    expect(outcome).toEqual({ kind: 'conflict', stage: 'STAGING', holder: { name: '1', number: 1 } });
    expect(describeOutcome(outcome)).toBe('STAGING is held by 1.');
  });

  it('passes other errors through', () => {
    expect(interpretSetStage({ __typename: 'NotFoundError', message: 'no version 9', code: 'NOT_FOUND' })).toEqual({ kind: 'error', message: 'no version 9', code: 'NOT_FOUND' });
  });
});

describe('paging', () => {
  const names = Array.from({ length: 250 }, (_, i) => `model-${String(i).padStart(3, '0')}`);
  const calls: Parameters<FetchModelNames>[0][] = [];
  /** A stand-in for the `models(first, after, search)` connection: the cursor is the index. */
  const fetchNames: FetchModelNames = async (args) => {
    calls.push(args);
    const matching = names.filter((name) => name.includes(args.search.toLowerCase()));
    const start = args.after === null ? 0 : matching.findIndex((name) => name > names[Number(args.after)]!);
    const edges = matching.slice(start, start + args.first).map((name) => ({ cursor: String(names.indexOf(name)), node: { name } }));
    return { edges, pageInfo: { hasNextPage: start + args.first < matching.length, endCursor: edges.at(-1)?.cursor ?? null } };
  };

  it('asks the server for one page, with the search trimmed', async () => {
    calls.length = 0;
    const first = await findModelPage(fetchNames, { after: null, size: 12, query: '' });
    expect(first).toEqual({ names: names.slice(0, 12), endCursor: '11', hasNext: true });
    const last = await findModelPage(fetchNames, { after: '239', size: 12, query: '' });
    expect(last).toMatchObject({ names: names.slice(240), hasNext: false });
    const found = await findModelPage(fetchNames, { after: null, size: 2, query: ' MODEL-00 ' });
    expect(found).toEqual({ names: ['model-000', 'model-001'], endCursor: '1', hasNext: true });
    expect(calls).toEqual([
      { first: 12, after: null, search: '' },
      { first: 12, after: '239', search: '' },
      { first: 2, after: null, search: 'MODEL-00' },
    ]);
  });

  it('keeps the cursor it was given when a page comes back empty', async () => {
    expect(await findModelPage(fetchNames, { after: '3', size: 5, query: 'nothing' })).toEqual({ names: [], endCursor: '3', hasNext: false });
  });
});

describe('format', () => {
  it('flattens metadata into dotted keys and compares versions side by side', () => {
    expect(flattenMetadata({ metrics: { f1: 0.912345, auc: 0.9 }, framework: 'xgboost', layers: [1, 2] })).toEqual({
      'metrics.f1': '0.9123',
      'metrics.auc': '0.9',
      framework: 'xgboost',
      layers: '[1,2]',
    });
    // Metadata may be any JSON value; a lone one shows as a single row, none as no rows.
    expect(flattenMetadata([0.5, 0.7])).toEqual({ value: '[0.5,0.7]' });
    expect(flattenMetadata(0.5)).toEqual({ value: '0.5' });
    expect(flattenMetadata(null)).toEqual({});
    expect(metricRows([{ metadata: { f1: 0.8 } }, null, { metadata: { f1: 0.9, auc: 0.95 } }])).toEqual([
      { key: 'auc', values: [undefined, undefined, '0.95'] },
      { key: 'f1', values: ['0.8', undefined, '0.9'] },
    ]);
  });

  it('tells times relative to now', () => {
    const now = Date.parse('2026-01-01T12:00:00.000Z');
    expect(relativeTime('2026-01-01T11:59:58.000Z', now)).toBe('just now');
    expect(relativeTime('2026-01-01T11:59:00.000Z', now)).toBe('1 min ago');
    expect(relativeTime('2026-01-01T09:00:00.000Z', now)).toBe('3 h ago');
    expect(relativeTime('2025-12-01T09:00:00.000Z', now)).toBe('2025-12-01');
  });

  it('labels a version by its name, with its number beside it when they differ', () => {
    expect(versionLabel({ name: '3', number: 3 })).toBe('3');
    expect(versionLabel({ name: '1.2.0-rc', number: 4 })).toBe('1.2.0-rc #4');
    // A name of digits that is not the version's number must not pass for it.
    expect(versionLabel({ name: '7', number: 2 })).toBe('7 #2');
  });

  it('orders metadata rows by key, whatever order the keys arrive in', () => {
    const written = { metadata: { metrics: { recall: 0.7, f1: 0.8 }, framework: 'xgboost', accuracy: 0.9 } };
    const reordered = { metadata: { accuracy: 0.91, framework: 'xgboost', metrics: { f1: 0.81, recall: 0.71 } } };
    const keys = ['accuracy', 'framework', 'metrics.f1', 'metrics.recall'];
    expect(metricRows([written, null, null]).map((row) => row.key)).toEqual(keys);
    expect(metricRows([reordered, null, null]).map((row) => row.key)).toEqual(keys);
  });
});

describe('toModelView', () => {
  it('builds the feed from the model\'s newest changes, newest first', () => {
    const raw: RawModel = {
      name: 'fraud',
      description: null,
      tags: [],
      production: version(1, 'PRODUCTION'),
      staging: null,
      latest: version(2, 'NONE'),
      versions: { edges: [{ node: version(2, 'NONE') }, { node: version(1, 'PRODUCTION') }] },
      productionPeriods: { edges: [{ node: { since: '2026-01-02T00:00:00.000Z', until: null, modelVersion: { name: '1', number: 1 }, entered: { actor: 'ci', reason: 'canary ok' } } }] },
      stagingPeriods: { edges: [] },
      stagePolicies: [],
    };
    // The log lists them oldest first.
    const changes: RawChange[] = [3, 6].map((c, i) => change(c, 1, i ? 'STAGING' : 'NONE', i ? 'PRODUCTION' : 'STAGING'));
    const view = toModelView(raw, changes);
    expect(view.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(view.feed.map((f) => [f.cursor, f.version, f.to])).toEqual([
      ['6', '1', 'PRODUCTION'],
      ['3', '1', 'STAGING'],
    ]);
    expect(view.periods).toEqual({ PRODUCTION: [{ version: '1', number: 1, since: '2026-01-02T00:00:00.000Z', until: null, actor: 'ci', reason: 'canary ok' }], STAGING: [] });
  });
});
