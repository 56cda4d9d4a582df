/**
 * Issue 7, reads: two stage lookups at 50 connections against Modelstage and against a bare
 * graphql-yoga server whose resolvers return constants. Targets: throughput >= 0.6x, p99 < 2x.
 *
 *   npm run bench:reads [-- --quick] [-- --duration 10 --connections 50]
 *   BENCH_CPU_PROF=modelstage npm run bench:reads   (a CPU profile in bench/results/profiles)
 */
import { benchArgs, run } from './lib/cli.js';
import { writeChart } from './lib/chart.js';
import { readBenchmark, readPanels, readRows } from './lib/reads.js';
import { mib, printTable, writeResults } from './lib/report.js';
import { need, withStack } from './lib/stack.js';

const { flags, duration } = benchArgs({ connections: { type: 'string' } });
const connections = Number(flags.connections ?? 50);
const MODELS = 100;

run(() =>
  withStack({ seed: { models: MODELS, versionsPerModel: 10 }, servers: ['bare', 'modelstage'] }, async ({ servers, token }) => {
    const modelstage = need(servers.modelstage, 'modelstage');
    const idle = await modelstage.settledMemory();
    const figures = await readBenchmark({
      modelstage,
      bare: need(servers.bare, 'bare'),
      token,
      modelNames: Array.from({ length: MODELS }, (_, i) => `model-${i + 1}`),
      connections,
      duration,
    });
    printTable(`Reads, ${connections} connections, ${duration} s each (${MODELS} models x 10 versions)`, readRows(figures));
    const underLoad = Math.max(...figures.map((f) => f.modelstageRssUnderLoad));
    console.log(`Modelstage RSS: idle ${mib(idle.rss).toFixed(0)} MiB, under read load ${mib(underLoad).toFixed(0)} MiB`);
    await writeResults('reads', { connections, duration, models: MODELS, idleRss: idle.rss, rssUnderLoad: underLoad, queries: figures });
    await writeChart('reads', 'Reads: Modelstage beside bare graphql-yoga', `${connections} connections, ${duration} s per query, ${new Date().toISOString().slice(0, 10)}`, readPanels(figures));
  }),
);
