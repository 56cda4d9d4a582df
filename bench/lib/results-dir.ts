import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a run writes its figures and chart: bench/results, or BENCH_RESULTS_DIR (the --quick
 * test points it at a temporary folder, so that it never overwrites a real run's figures).
 */
export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR
  ? path.resolve(process.env.BENCH_RESULTS_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
