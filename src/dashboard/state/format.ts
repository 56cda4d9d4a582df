/**
 * Metadata is free-form JSON. To compare versions side by side it is flattened into dotted
 * keys (`metrics.f1`), one table row per key found in any of the compared versions.
 */
export function flattenMetadata(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flattenMetadata(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] = formatValue(value);
  } else if (value !== null) {
    // Metadata that is a single value (a number, a list…) rather than an object of fields.
    into.value = formatValue(value);
  }
  return into;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface MetricRow {
  key: string;
  /** One cell per compared version; undefined where that version lacks the key. */
  values: (string | undefined)[];
}

/**
 * Rows in alphabetical order of their dotted keys: stable whatever order the metadata's keys come
 * in (PostgreSQL's jsonb keeps no order, so the server's is not the writer's), and the keys of
 * one nested object (`metrics.*`) stay together.
 */
export function metricRows(columns: readonly ({ metadata: unknown } | null)[]): MetricRow[] {
  const flat = columns.map((column) => (column ? flattenMetadata(column.metadata) : {}));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  return keys.map((key) => ({ key, values: flat.map((f) => f[key]) }));
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", then the date. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return iso.slice(0, 10);
}

/**
 * One label for a version wherever the page names it: its name, with its number beside it when
 * the two differ ("1.2.3 #2"; a version named by its number is just "3").
 */
export function versionLabel(version: { name: string; number: number }): string {
  return version.name === String(version.number) ? version.name : `${version.name} #${version.number}`;
}
