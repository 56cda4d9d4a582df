import { formatValue, versionLabel } from './format.js';
import type { VersionView } from './types.js';

/** The numbers in a version's metadata, by dotted key (`metrics.f1`), as flattenMetadata names them. */
export function numericMetadata(value: unknown, prefix = '', into: Record<string, number> = {}): Record<string, number> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) numericMetadata(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    into[prefix || 'value'] = value;
  }
  return into;
}

type Charted = Pick<VersionView, 'name' | 'number' | 'stage' | 'metadata'>;

/** Every key that holds a number in at least one version, in key order (as the table lists them). */
export function metricKeys(versions: readonly Charted[]): string[] {
  return [...new Set(versions.flatMap((v) => Object.keys(numericMetadata(v.metadata))))].sort();
}

/** The key to chart: the one chosen while it still exists, else the first `metrics.*` key, else the first. */
export function chooseMetric(keys: readonly string[], chosen: string | null): string | null {
  if (chosen !== null && keys.includes(chosen)) return chosen;
  return keys.find((k) => k.startsWith('metrics.')) ?? keys[0] ?? null;
}

export interface ChartPoint {
  label: string;
  number: number;
  stage: VersionView['stage'];
  value: number;
  /** The value as the table shows it. */
  text: string;
  /** In the chart's box, 0..1 from the left and 0..1 from the top. */
  x: number;
  y: number;
}

export interface MetricChart {
  key: string;
  points: ChartPoint[];
  min: number;
  max: number;
}

/**
 * One metric across versions, oldest to newest from left to right; versions without a number
 * under the key are left out. The scale runs from the lowest to the highest value (a flat line
 * sits in the middle), because versions are compared by their differences, not against zero.
 */
export function metricChart(versions: readonly Charted[], key: string): MetricChart | null {
  const series = [...versions]
    .sort((a, b) => a.number - b.number)
    .flatMap((v) => {
      const value = numericMetadata(v.metadata)[key];
      return value === undefined ? [] : [{ label: versionLabel(v), number: v.number, stage: v.stage, value }];
    });
  if (series.length === 0) return null;
  const min = Math.min(...series.map((p) => p.value));
  const max = Math.max(...series.map((p) => p.value));
  const points = series.map((p, i) => ({
    ...p,
    text: formatValue(p.value),
    x: series.length === 1 ? 0.5 : i / (series.length - 1),
    y: max === min ? 0.5 : (max - p.value) / (max - min),
  }));
  return { key, points, min, max };
}
