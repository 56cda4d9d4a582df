import { useId } from 'preact/hooks';
import { formatValue } from '../state/format';
import { chooseMetric, metricChart, metricKeys } from '../state/metrics';
import type { VersionView } from '../state/types';

/** The chart's own units; it scales with the card, text with it. */
const W = 320;
const H = 120;
const PAD = { left: 40, right: 12, top: 12, bottom: 26 };
/** Room between the value labels and the first dot. */
const INSET = 10;

/**
 * One metric of `metadata` across versions (the user picks the key), so versions are compared by
 * looking: a dot per version, coloured by the stage it holds, oldest at the left.
 */
export function MetricChart(props: { versions: readonly VersionView[]; chosen: string | null; onChoose: (key: string) => void }) {
  const id = useId();
  const keys = metricKeys(props.versions);
  const key = chooseMetric(keys, props.chosen);
  if (key === null) return <p class="muted">No numeric metadata to chart yet.</p>;
  const chart = metricChart(props.versions, key)!;
  const x = (f: number) => PAD.left + INSET + f * (W - PAD.left - INSET - PAD.right);
  const y = (f: number) => PAD.top + f * (H - PAD.top - PAD.bottom);
  const every = Math.ceil(chart.points.length / 10);
  const summary = `${key} across versions: ${chart.points.map((p) => `${p.label} ${p.text}`).join(', ')}`;
  return (
    <div class="metric-chart" data-metric={key}>
      <label for={id}>Metric to chart</label>{' '}
      <select id={id} value={key} onChange={(e) => props.onChoose(e.currentTarget.value)}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line class="axis-line" x1={PAD.left} x2={W - PAD.right} y1={y(1)} y2={y(1)} />
        <text class="tick" x={PAD.left - 4} y={y(0) + 3} text-anchor="end">
          {formatValue(chart.max)}
        </text>
        {chart.max !== chart.min && (
          <text class="tick" x={PAD.left - 4} y={y(1) + 3} text-anchor="end">
            {formatValue(chart.min)}
          </text>
        )}
        <polyline class="series" points={chart.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} />
        {chart.points.map((p, i) => (
          <g key={p.number} data-point={p.label} data-value={p.text}>
            <circle class={`dot stage-${p.stage.toLowerCase()}`} cx={x(p.x)} cy={y(p.y)} r={4}>
              <title>{`${p.label} (${p.stage}): ${key} = ${p.text}`}</title>
            </circle>
            {(i % every === 0 || i === chart.points.length - 1) && (
              <text class="tick" x={x(p.x)} y={H - 8} text-anchor="middle">
                {p.label.length > 8 ? `${p.label.slice(0, 7)}…` : p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
