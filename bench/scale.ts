/**
 * Issue 7, scale: the read and promotion benchmarks on a registry of 1,000 versions and on one
 * of 10,000 models x 100 versions (1,000,000 versions, one log row each, seeded in bulk). Both
 * registries live in databases of one PostgreSQL and are measured in alternation, `--rounds`
 * times, so that a machine that gets busier during the run does not pass for a slowdown; the
 * best round counts. Each read is also run against the bare server right beside it, and each
 * promotion run against pgbench: those baselines gauge how busy the machine was at that moment.
 * Target: p50 and p99 at one million within 1.5x of those at 1,000.
 *
 *   npm run bench:scale [-- --quick] [-- --rounds 2 --duration 10]   (--quick: 1,000 x 100)
 */
import { writeChart } from './lib/chart.js';
import { benchArgs, run } from './lib/cli.js';
import { createBenchToken, seedRegistry, siblingDatabase } from './lib/database.js';
import { promotionBenchmark, promotionPanels, promotionRow } from './lib/promotions.js';
import { readBenchmark, readPanels, readRows, type ReadFigures } from './lib/reads.js';
import { printTable, ratio, writeResults } from './lib/report.js';
import { startServer } from './lib/servers.js';
import { withStack } from './lib/stack.js';

const { flags, duration, quick } = benchArgs({ clients: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' } });
const clients = Number(flags.clients ?? 32);
const connections = Number(flags.connections ?? 50);
const rounds = Number(flags.rounds ?? (quick ? 1 : 2));
const REGISTRIES = [
  { label: '1,000 versions', prefix: 'model-', models: 500, versionsPerModel: 2, touched: 500 },
  { label: quick ? '100,000 versions' : '1,000,000 versions', prefix: 'model-', models: quick ? 1_000 : 10_000, versionsPerModel: 100, touched: 1_000 },
];

/** `count` model names spread evenly over the registry. */
const names = (prefix: string, count: number, of: number) => Array.from({ length: count }, (_, i) => `${prefix}${1 + Math.floor((i * of) / count)}`);
type Promotions = Awaited<ReturnType<typeof promotionBenchmark>>;

run(() =>
  withStack({ seed: REGISTRIES[0], servers: ['bare'] }, async ({ databaseUrl, token, servers }) => {
    const largeUrl = await siblingDatabase(databaseUrl, 'large');
    const seeding = performance.now();
    await seedRegistry(largeUrl, REGISTRIES[1]!);
    const seedSeconds = (performance.now() - seeding) / 1000;
    console.log(`seeded ${REGISTRIES[1]!.label} in ${seedSeconds.toFixed(0)} s`);
    const sides = [
      { ...REGISTRIES[0]!, databaseUrl, token, reads: [] as ReadFigures[][], promotions: [] as Promotions[] },
      { ...REGISTRIES[1]!, databaseUrl: largeUrl, token: await createBenchToken(largeUrl), reads: [] as ReadFigures[][], promotions: [] as Promotions[] },
    ];

    const modelstages = await Promise.all(sides.map((side) => startServer('modelstage', { env: { DATABASE_URL: side.databaseUrl } })));
    try {
      for (let round = 0; round < rounds; round += 1) {
        for (const [i, side] of sides.entries()) {
          const modelNames = names(side.prefix, side.touched, side.models);
          side.reads.push(await readBenchmark({ modelstage: modelstages[i]!, bare: servers.bare, token: side.token, modelNames, connections, duration }));
        }
      }
    } finally {
      // Idle instances would still read the log on every promotion's notification.
      await Promise.all(modelstages.map((server) => server.stop()));
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const side of sides) side.promotions.push(await promotionBenchmark({ ...side, models: side.touched, clients, duration }));
    }

    // Best round of each figure, and Modelstage's latency relative to its baseline in that round.
    const best = (values: number[], highest = false) => (highest ? Math.max(...values) : Math.min(...values));
    const bestReads = (side: (typeof sides)[number]) =>
      side.reads[0]!.map((first, q) => {
        const all = side.reads.map((r) => r[q]!);
        return {
          ...first,
          modelstage: { ...first.modelstage, requestsPerSecond: best(all.map((r) => r.modelstage.requestsPerSecond), true), p50: best(all.map((r) => r.modelstage.p50)), p99: best(all.map((r) => r.modelstage.p99)) },
          bare: { ...first.bare, requestsPerSecond: best(all.map((r) => r.bare.requestsPerSecond), true), p50: best(all.map((r) => r.bare.p50)), p99: best(all.map((r) => r.bare.p99)) },
          throughputRatio: best(all.map((r) => r.throughputRatio), true),
          p99Ratio: best(all.map((r) => r.p99Ratio)),
          relativeP50: best(all.map((r) => ratio(r.modelstage.p50, r.bare.p50))),
        };
      });
    const bestPromotions = (side: (typeof sides)[number]): Promotions & { relativeP50: number } => {
      const all = side.promotions;
      return {
        pgbench: { ...all[0]!.pgbench, transactionsPerSecond: best(all.map((p) => p.pgbench.transactionsPerSecond), true), p99: best(all.map((p) => p.pgbench.p99)) },
        modelstage: {
          ...all[0]!.modelstage,
          transactionsPerSecond: best(all.map((p) => p.modelstage.transactionsPerSecond), true),
          p50: best(all.map((p) => p.modelstage.p50)),
          p99: best(all.map((p) => p.modelstage.p99)),
          errors: all.reduce((sum, p) => sum + p.modelstage.errors, 0),
        },
        serverCpuMicrosPerPromotion: best(all.map((p) => p.serverCpuMicrosPerPromotion)),
        tpsRatio: best(all.map((p) => p.tpsRatio), true),
        relativeP50: best(all.map((p) => ratio(p.modelstage.p50, p.pgbench.p50))),
      };
    };
    const [small, large] = sides.map((side) => ({ label: side.label, reads: bestReads(side), promotions: bestPromotions(side) }));

    printTable(`Reads, ${connections} connections, ${duration} s each, best of ${rounds} rounds`, [
      ...[small!, large!].flatMap((side) => readRows(side.reads).map((row) => ({ registry: side.label, ...row }))),
    ]);
    printTable(`Forced promotions, ${clients} clients, ${duration} s each, best of ${rounds} rounds`, [promotionRow(small!.label, small!.promotions), promotionRow(large!.label, large!.promotions)]);
    const growth = [
      ...small!.reads.map((s, q) => {
        const l = large!.reads[q]!;
        return { benchmark: s.query, 'p50 ratio': ratio(l.modelstage.p50, s.modelstage.p50), 'p99 ratio': ratio(l.modelstage.p99, s.modelstage.p99), 'p50 ratio vs baseline': ratio(l.relativeP50, s.relativeP50) };
      }),
      {
        benchmark: 'setStage (forced)',
        'p50 ratio': ratio(large!.promotions.modelstage.p50, small!.promotions.modelstage.p50),
        'p99 ratio': ratio(large!.promotions.modelstage.p99, small!.promotions.modelstage.p99),
        'p50 ratio vs baseline': ratio(large!.promotions.relativeP50, small!.promotions.relativeP50),
      },
    ];
    printTable(`${large!.label} / ${small!.label} (target <= 1.5; "vs baseline" divides out how busy the machine was)`, growth);
    await writeResults('scale', { rounds, duration, connections, clients, seedSeconds, sides, small, large, growth });
    // One panel pair per kind of work, the two registries side by side in each.
    const [readThroughput, readLatency] = [small!, large!].map((side) => readPanels(side.reads, `${side.label}: `)).reduce((a, b) => a.map((panel, i) => ({ ...panel, groups: [...panel.groups, ...b[i]!.groups] })));
    const promotionCharts = promotionPanels([small!, large!].map((side) => ({ label: side.label, figures: side.promotions })));
    await writeChart('scale', `Scale: ${small!.label} and ${large!.label}`, `best of ${rounds} rounds, ${duration} s each, ${new Date().toISOString().slice(0, 10)}`, [readThroughput!, readLatency!, ...promotionCharts]);
  }),
);
