import { buildTimeline, describeTimeline, type TimelineBar } from '../state/timeline';
import type { LedgerStage, PeriodView } from '../state/types';

/** The SVG's own units across: bars are placed in them and stretched to the lane's width. */
const WIDTH = 1000;

const STAGE_TITLES: Record<LedgerStage, string> = { PRODUCTION: 'Production', STAGING: 'Staging' };

function barTitle(stage: LedgerStage, bar: TimelineBar): string {
  const until = bar.until ? new Date(bar.until).toLocaleString() : 'now';
  const who = bar.actor ? `, moved in by ${bar.actor}` : '';
  const why = bar.reason ? `: ${bar.reason}` : '';
  return `${bar.label} in ${stage} from ${new Date(bar.since).toLocaleString()} until ${until}${who}${why}`;
}

/**
 * Who held PRODUCTION and STAGING over time, as a picture: one lane per stage, a bar per stay,
 * now at the right edge with the current holder named beside it. Bars are SVG stretched to the
 * lane; their labels are HTML on top, so text stays sharp and readable at any card width.
 */
export function StageTimeline(props: { periods: Record<LedgerStage, PeriodView[]>; now: number }) {
  const timeline = buildTimeline(props.periods, props.now);
  if (!timeline) return <p class="muted">No version has held production or staging yet.</p>;
  return (
    <figure class="timeline" aria-label="Who held production and staging over time">
      {timeline.lanes.map((lane) => (
        <div class="lane" key={lane.stage} data-lane={lane.stage}>
          <span class={`lane-stage stage-${lane.stage.toLowerCase()}`}>{STAGE_TITLES[lane.stage]}</span>
          <div class="lane-track">
            <svg viewBox={`0 0 ${WIDTH} 20`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="lane-bg" x={0} y={0} width={WIDTH} height={20} />
              {lane.bars.map((bar) => (
                <rect
                  key={bar.since}
                  class={`bar stage-${lane.stage.toLowerCase()} shade-${bar.shade}${bar.current ? ' current' : ''}`}
                  data-stay={bar.label}
                  data-current={bar.current ? 'true' : undefined}
                  x={bar.start * WIDTH}
                  y={1}
                  width={(bar.end - bar.start) * WIDTH}
                  height={18}
                >
                  <title>{barTitle(lane.stage, bar)}</title>
                </rect>
              ))}
            </svg>
            {lane.bars.map((bar) => (
              <span key={bar.since} class="bar-label" style={{ left: `${bar.start * 100}%`, width: `${(bar.end - bar.start) * 100}%` }} aria-hidden="true">
                {bar.label}
              </span>
            ))}
          </div>
          <span class="lane-holder" data-holder={lane.holder ?? ''}>
            {lane.holder ?? <span class="muted">none</span>}
          </span>
        </div>
      ))}
      <div class="axis" aria-hidden="true">
        <time dateTime={new Date(timeline.from).toISOString()}>{new Date(timeline.from).toLocaleString()}</time>
        <span>now</span>
      </div>
      <figcaption class="sr-only">{describeTimeline(timeline)}</figcaption>
    </figure>
  );
}
