import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR as resultsDir } from './results-dir.js';

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a list of samples. */
export function summarize(values: number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

export const ratio = (value: number, baseline: number) => (baseline > 0 ? value / baseline : NaN);

export function fmt(value: number | string | boolean | undefined, digits = 1): string {
  if (typeof value !== 'number') return String(value ?? '');
  if (!Number.isFinite(value)) return '-';
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

/** Prints rows as an aligned text table (and returns it, for the docs). */
export function printTable(title: string, rows: Record<string, number | string | boolean | undefined>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((column) => fmt(row[column], column.includes('ratio') ? 2 : 1)));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(columns)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of cells) console.log(line(row));
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}

/** Writes bench/results/<name>.json with the machine and the time of the run. */
export async function writeResults(name: string, figures: unknown): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), figures }, null, 2)}\n`);
  console.log(`\nfigures written to ${path.relative(process.cwd(), file)}`);
}

const MiB = 2 ** 20;
export const mib = (bytes: number) => bytes / MiB;
export const kib = (bytes: number) => bytes / 1024;
