import { describe, expect, it } from 'vitest';
import { chooseMetric, metricChart, metricKeys, numericMetadata } from '../src/dashboard/state/metrics.js';
import { applyStageChange } from '../src/dashboard/state/models.js';
import { applyChangeToPeriods, currentHolder, hasPreviousHolder } from '../src/dashboard/state/periods.js';
import { confirmLabel, describeOutcome, expectedHolderOf, interpretSetStage } from '../src/dashboard/state/promote.js';
import { buildTimeline, describeTimeline, MIN_BAR } from '../src/dashboard/state/timeline.js';
import type { LedgerStage, PeriodView, StageChangeLike, VersionView } from '../src/dashboard/state/types.js';
import { modelView, stageChange, version } from './support/dashboard-views.js';

const T = (minutes: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + minutes * 60_000).toISOString();

const stay = (number: number, since: number, until: number | null, extra: Partial<PeriodView> = {}): PeriodView => ({
  version: String(number),
  number,
  since: T(since),
  until: until === null ? null : T(until),
  actor: 'ci',
  reason: null,
  ...extra,
});

/** A change of `number` from `from` to `to`, `at` minutes in. */
const change = (number: number, from: StageChangeLike['from'], to: StageChangeLike['to'], at: number, extra: Partial<StageChangeLike> = {}): StageChangeLike =>
  stageChange(at, number, from, to, { occurredAt: T(at), ...extra });

const none = (): Record<LedgerStage, PeriodView[]> => ({ PRODUCTION: [], STAGING: [] });

describe('timeline', () => {
  it('puts the oldest stay at the left and the current holder at the right edge, now', () => {
    const periods = { PRODUCTION: [stay(3, 60, null), stay(1, 0, 60)], STAGING: [stay(2, 30, 45)] };
    const timeline = buildTimeline(periods, Date.parse(T(120)))!;
    expect(timeline.from).toBe(Date.parse(T(0)));
    expect(timeline.to).toBe(Date.parse(T(120)));
    const [production, staging] = timeline.lanes;
    expect(production!.stage).toBe('PRODUCTION');
    expect(production!.bars.map((b) => [b.label, b.start, b.end, b.current, b.shade])).toEqual([
      ['1', 0, 0.5, false, 0],
      ['3', 0.5, 1, true, 1],
    ]);
    expect(production!.holder).toBe('3');
    // A gap stays a gap: staging was held from 30 to 45 min only, and by none now.
    expect(staging!.bars.map((b) => [b.start, b.end])).toEqual([[0.25, 0.375]]);
    expect(staging!.holder).toBeNull();
    expect(describeTimeline(timeline)).toBe('PRODUCTION: 1, then 3; held by 3 now. STAGING: 2; held by none now.');
  });

  it('is null when neither stage was ever held, and keeps every stay visible', () => {
    expect(buildTimeline(none(), Date.now())).toBeNull();
    // A stay of one millisecond among hours is still a sliver, never a zero-width bar.
    const periods = { PRODUCTION: [stay(2, 600, null), stay(1, 0, 0.00001)], STAGING: [] };
    const bars = buildTimeline(periods, Date.parse(T(600)))!.lanes[0]!.bars;
    expect(bars[0]!.end - bars[0]!.start).toBeGreaterThanOrEqual(MIN_BAR);
    // A browser clock behind the server's: the newest stay still fits in the window.
    const ahead = buildTimeline({ PRODUCTION: [stay(1, 10, null)], STAGING: [stay(2, 0, 20)] }, Date.parse(T(5)))!;
    for (const lane of ahead.lanes) for (const bar of lane.bars) expect(bar.end).toBeLessThanOrEqual(1);
  });

  it('labels versions the one way the page does', () => {
    const periods = { PRODUCTION: [stay(4, 0, null, { version: '2026.03-rc' })], STAGING: [] };
    expect(buildTimeline(periods, Date.parse(T(10)))!.lanes[0]!.holder).toBe('2026.03-rc #4');
  });
});

describe('stays follow live changes', () => {
  it('a forced move ends the old stay and opens the new one, whatever order the two rows come in', () => {
    const start = { PRODUCTION: [stay(1, 0, null)], STAGING: [stay(2, 5, null)] };
    const displaced = change(1, 'PRODUCTION', 'ARCHIVED', 10, { forced: true, displaced: true });
    const promoted = change(2, 'STAGING', 'PRODUCTION', 10, { forced: true, reason: 'hotfix' });
    for (const order of [[displaced, promoted], [promoted, displaced]]) {
      const next = order.reduce(applyChangeToPeriods, start);
      expect(next.PRODUCTION).toEqual([stay(2, 10, null, { reason: 'hotfix' }), stay(1, 0, 10)]);
      expect(next.STAGING).toEqual([stay(2, 5, 10)]);
      expect(currentHolder(next.PRODUCTION)?.number).toBe(2);
      expect(currentHolder(next.STAGING)).toBeNull();
      expect(hasPreviousHolder(next.PRODUCTION)).toBe(true);
    }
  });

  it('knows when there is a version to roll back to', () => {
    expect(hasPreviousHolder([])).toBe(false);
    expect(hasPreviousHolder([stay(1, 0, null)])).toBe(false);
    // The holder left and came back: no other version to put back.
    expect(hasPreviousHolder([stay(1, 20, null), stay(1, 0, 10)])).toBe(false);
    // Held by none now: the last holder can be put back.
    expect(hasPreviousHolder([stay(1, 0, 10)])).toBe(true);
  });

  it('applies a change once, and ignores one older than what a load already brought', () => {
    const start = { PRODUCTION: [stay(2, 10, null)], STAGING: [] };
    expect(applyChangeToPeriods(start, change(2, 'NONE', 'PRODUCTION', 10))).toEqual(start);
    // The stays were loaded after 2 entered at 10 min; a late event of 1 entering at 5 changes nothing.
    expect(applyChangeToPeriods(start, change(1, 'NONE', 'PRODUCTION', 5))).toEqual(start);
  });

  it('is part of applying a change to a model, beside slots and feed', () => {
    const model = modelView([version(1)]);
    const next = applyStageChange(model, change(1, 'NONE', 'STAGING', 3, { reason: 'nightly' }));
    expect(next.periods.STAGING).toEqual([stay(1, 3, null, { reason: 'nightly' })]);
    expect(next.feed[0]).toMatchObject({ version: '1', to: 'STAGING', reason: 'nightly' });
  });
});

describe('metric chart', () => {
  const version = (number: number, metadata: unknown, stage: VersionView['stage'] = 'NONE') => ({ name: String(number), number, stage, metadata });

  it('offers every key that holds a number in some version, metrics first by default', () => {
    const versions = [version(3, { metrics: { f1: 0.93, auc: 0.9 }, framework: 'xgboost', epochs: 10 }), version(2, { metrics: { f1: 'n/a' }, layers: [1, 2] }), version(1, 7)];
    expect(numericMetadata({ a: { b: 1, c: 'x', d: Number.NaN }, e: [1] })).toEqual({ 'a.b': 1 });
    expect(metricKeys(versions)).toEqual(['epochs', 'metrics.auc', 'metrics.f1', 'value']);
    expect(chooseMetric(metricKeys(versions), null)).toBe('metrics.auc');
    expect(chooseMetric(metricKeys(versions), 'epochs')).toBe('epochs');
    // A chosen key that no loaded version has any more falls back to the default.
    expect(chooseMetric(['epochs'], 'metrics.f1')).toBe('epochs');
    expect(chooseMetric([], null)).toBeNull();
  });

  it('plots oldest to newest, from the lowest to the highest value, skipping versions without it', () => {
    const versions = [version(4, { f1: 0.9 }, 'STAGING'), version(3, {}), version(2, { f1: 0.95 }, 'PRODUCTION'), version(1, { f1: 0.85 })];
    const chart = metricChart(versions, 'f1')!;
    expect(chart.points.map((p) => [p.label, p.stage, p.text, p.x, Number(p.y.toFixed(6))])).toEqual([
      ['1', 'NONE', '0.85', 0, 1],
      ['2', 'PRODUCTION', '0.95', 0.5, 0],
      ['4', 'STAGING', '0.9', 1, 0.5],
    ]);
    expect([chart.min, chart.max]).toEqual([0.85, 0.95]);
    // One value, or all equal: the dots sit in the middle rather than dividing by zero.
    expect(metricChart([version(1, { f1: 1 })], 'f1')!.points[0]).toMatchObject({ x: 0.5, y: 0.5 });
    expect(metricChart(versions, 'auc')).toBeNull();
  });
});

describe('dry runs and rollback outcomes', () => {
  const preview = interpretSetStage({
    __typename: 'SetStagePreview',
    modelVersion: { name: '3', number: 3, stage: 'NONE' },
    from: 'NONE',
    to: 'PRODUCTION',
    archived: [{ name: '1.2.0', number: 1 }],
    noop: false,
  });

  it('reads a preview, says what it archives, and pins the real call to that holder', () => {
    expect(preview).toEqual({ kind: 'preview', version: { name: '3', number: 3 }, from: 'NONE', to: 'PRODUCTION', archived: [{ name: '1.2.0', number: 1 }], noop: false });
    expect(describeOutcome(preview)).toBe('Moves 3 from NONE to PRODUCTION and archives 1.2.0 #1.');
    if (preview.kind !== 'preview') throw new Error('not a preview');
    expect(confirmLabel('Force', preview)).toBe('Force (archives 1.2.0 #1)');
    // By number: a version's number is never ambiguous, whatever its name.
    expect(expectedHolderOf(preview)).toBe('1');
    const free = { ...preview, archived: [] };
    expect(expectedHolderOf(free)).toBe('none');
    expect(confirmLabel('Roll back production', free)).toBe('Roll back production');
  });

  it('says a no-op preview changes nothing', () => {
    const noop = interpretSetStage({ __typename: 'SetStagePreview', modelVersion: { name: '2', number: 2, stage: 'STAGING' }, from: 'STAGING', to: 'STAGING', archived: [], noop: true });
    expect(describeOutcome(noop)).toBe('2 already holds STAGING: nothing would change.');
  });

  it('explains a stage that moved between the preview and the confirmation', () => {
    const moved = interpretSetStage({ __typename: 'PreconditionFailedError', message: 'held by 5', code: 'PRECONDITION_FAILED', actualHolder: { name: '5', number: 5 } });
    expect(moved).toEqual({ kind: 'moved', holder: { name: '5', number: 5 } });
    expect(describeOutcome(moved)).toBe('The stage changed since the preview: 5 holds it now. Nothing was moved.');
    expect(describeOutcome(interpretSetStage({ __typename: 'PreconditionFailedError', message: 'free', code: 'PRECONDITION_FAILED', actualHolder: null }))).toContain('no version holds it now');
  });

  it('passes a rollback with nothing to put back through as the server words it', () => {
    const outcome = interpretSetStage({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'PRODUCTION never had another holder' });
    expect(outcome).toEqual({ kind: 'error', code: 'NOT_FOUND', message: 'PRODUCTION never had another holder' });
  });
});
