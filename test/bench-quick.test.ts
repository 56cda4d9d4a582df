/**
 * Every benchmark's --quick mode, run as a user runs it (a subprocess of tsx), so that the
 * benchmarks never rot: each must finish, report zero errors and write its figures and its chart.
 * Nothing here looks at speed: this runs in `npm test` on quiet and busy machines alike.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
let resultsDir: string;

beforeAll(async () => {
  resultsDir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-bench-quick-'));
});
afterAll(async () => {
  await rm(resultsDir, { recursive: true, force: true });
});

/** Runs bench/<name>.ts with --quick and one-second loads; returns its figures file. */
async function bench(name: string, ...extra: string[]): Promise<{ figures: any; svg: string }> {
  try {
    await run(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, '--quick', '--duration', '1', ...extra], {
      cwd: root,
      // The run's PostgreSQL (a database of its own per benchmark) instead of an embedded one each.
      env: { ...process.env, BENCH_POSTGRES_URL: inject('databaseUrl'), BENCH_RESULTS_DIR: resultsDir, BENCH_CPU_PROF: '' },
      maxBuffer: 64 * 2 ** 20,
      timeout: 240_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`bench/${name}.ts --quick failed: ${String(error)}\n${stdout?.slice(-3_000)}\n${stderr?.slice(-3_000)}`);
  }
  const { figures } = JSON.parse(await readFile(path.join(resultsDir, `${name}.json`), 'utf8'));
  return { figures, svg: await readFile(path.join(resultsDir, `${name}.svg`), 'utf8') };
}

/** A chart that names both sides and draws a bar for each figure given. */
function expectChart(svg: string, baseline: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('Modelstage');
  expect(svg).toContain(baseline);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
}

const measured = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  total: number;
}
const expectLoad = (load: Load) => {
  expect(load.errors).toBe(0);
  expect(load.total).toBeGreaterThan(0);
  expect(measured(load.requestsPerSecond) && measured(load.p99)).toBe(true);
};
const expectPromotions = (figures: { pgbench: Load & { transactionsPerSecond: number }; modelstage: Load & { transactionsPerSecond: number } }) => {
  for (const side of [figures.pgbench, figures.modelstage]) {
    expect(side.errors).toBe(0);
    expect(side.total).toBeGreaterThan(0);
    expect(measured(side.transactionsPerSecond)).toBe(true);
  }
};

// One after another: each starts its own servers on a machine with few cores.
describe.sequential('bench --quick', () => {
  it('reads', { timeout: 300_000 }, async () => {
    const { figures, svg } = await bench('reads', '--connections', '8');
    expect(figures.queries).toHaveLength(2);
    for (const query of figures.queries) {
      expectLoad(query.bare);
      expectLoad(query.modelstage);
    }
    expectChart(svg, 'bare graphql-yoga');
  });

  it('promotions', { timeout: 300_000 }, async () => {
    const { figures, svg } = await bench('promotions', '--clients', '4');
    expectPromotions(figures);
    expectChart(svg, 'pgbench');
  });

  it('fanout', { timeout: 300_000 }, async () => {
    const { figures, svg } = await bench('fanout', '--subscribers', '50', '--promotions', '2');
    expect(figures.runs.map((r: { server: string }) => r.server)).toEqual(['bare', 'modelstage']);
    for (const r of figures.runs) {
      expect(r.connected).toBe(50);
      expect(r.lost).toBe(0);
      expect(r.duplicates).toBe(0);
      expect(r.sameOrderEverywhere).toBe(true);
      expect(r.events).toBe(4);
    }
    expectChart(svg, 'bare graphql-yoga');
  });

  it('layers', { timeout: 300_000 }, async () => {
    const { figures, svg } = await bench('layers');
    for (const side of [figures.bareCpuMicrosPerRead, figures.modelstageCpuMicrosPerRead]) expect(side.every(measured)).toBe(true);
    expect(Object.keys(figures.layers).length).toBeGreaterThan(3);
    expectChart(svg, 'bare graphql-yoga');
  });

  it('scale', { timeout: 300_000 }, async () => {
    const { figures, svg } = await bench('scale', '--connections', '8', '--clients', '4');
    for (const side of [figures.small, figures.large]) {
      for (const query of side.reads) expectLoad(query.modelstage);
      expectPromotions(side.promotions);
    }
    expectChart(svg, 'pgbench');
  });
});
