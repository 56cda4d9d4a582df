import { versionLabel } from './format.js';
import { LEDGER_STAGES, type LedgerStage, type PeriodView } from './types.js';

/** One bar of the timeline: a stay, placed on the window as fractions of its width (0 left, 1 right). */
export interface TimelineBar {
  label: string;
  number: number;
  since: string;
  until: string | null;
  reason: string | null;
  actor: string | null;
  start: number;
  end: number;
  /** Still holding the stage: the bar reaches the right edge, which is now. */
  current: boolean;
  /** Alternates between neighbours so that two stays side by side read as two. */
  shade: 0 | 1;
}

export interface TimelineLane {
  stage: LedgerStage;
  bars: TimelineBar[];
  /** Label of the version holding the stage now, shown at the right edge; null when none does. */
  holder: string | null;
}

export interface Timeline {
  /** The window: from the earliest stay shown to now. */
  from: number;
  to: number;
  lanes: TimelineLane[];
}

/** A stay shorter than this share of the window is still drawn, as a sliver. */
export const MIN_BAR = 0.006;

/**
 * Lays out who held PRODUCTION and STAGING over time: one lane per stage, one bar per stay,
 * oldest at the left and now at the right edge, gaps where no version held the stage. Null when
 * neither stage ever had a holder. Pure, so the picture is checked without a browser.
 */
export function buildTimeline(periods: Record<LedgerStage, readonly PeriodView[]>, now: number): Timeline | null {
  const all = LEDGER_STAGES.flatMap((stage) => periods[stage]);
  if (all.length === 0) return null;
  const from = Math.min(...all.map((p) => Date.parse(p.since)));
  // A clock behind the server's must not put a stay past the right edge.
  const to = Math.max(now, ...all.map((p) => Date.parse(p.until ?? p.since)));
  const span = Math.max(1, to - from);
  const place = (iso: string) => (Date.parse(iso) - from) / span;
  const lanes = LEDGER_STAGES.map((stage): TimelineLane => {
    const oldestFirst = [...periods[stage]].sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
    const bars = oldestFirst.map((p, i): TimelineBar => {
      const start = place(p.since);
      const end = p.until === null ? 1 : place(p.until);
      return {
        label: versionLabel({ name: p.version, number: p.number }),
        number: p.number,
        since: p.since,
        until: p.until,
        reason: p.reason,
        actor: p.actor,
        start: Math.min(start, 1 - MIN_BAR),
        end: Math.max(end, Math.min(start, 1 - MIN_BAR) + MIN_BAR),
        current: p.until === null,
        shade: (i % 2) as 0 | 1,
      };
    });
    const holder = bars.find((b) => b.current);
    return { stage, bars, holder: holder ? holder.label : null };
  });
  return { from, to, lanes };
}

/** The timeline in words, for screen readers: the picture's text alternative. */
export function describeTimeline(timeline: Timeline): string {
  return timeline.lanes
    .map((lane) => {
      const stays = lane.bars.map((b) => b.label);
      const now = lane.holder ? `held by ${lane.holder} now` : 'held by none now';
      return stays.length ? `${lane.stage}: ${stays.join(', then ')}; ${now}.` : `${lane.stage}: never held.`;
    })
    .join(' ');
}
