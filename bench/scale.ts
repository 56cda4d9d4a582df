/**
 * Issue 7, scale: the read and promotion benchmarks on a registry of 1,000 versions, then again
 * after seeding 10,000 models x 100 versions (1,000,000 versions, one log row each) in bulk into
 * the same database. Target: p50 and p99 at one million within 1.5x of those at 1,000.
 *
 *   npm run bench:scale [-- --quick]   (--quick: 1,000 models x 100 versions)
 */
import { benchArgs, run } from './lib/cli.js';
import { seedRegistry } from './lib/database.js';
import { promotionBenchmark, promotionRow } from './lib/promotions.js';
import { readBenchmark, readRows } from './lib/reads.js';
import { printTable, ratio, writeResults } from './lib/report.js';
import { startServer } from './lib/servers.js';
import { withStack } from './lib/stack.js';

const { flags, duration, quick } = benchArgs({ clients: { type: 'string' }, connections: { type: 'string' } });
const clients = Number(flags.clients ?? 32);
const connections = Number(flags.connections ?? 50);
const SMALL = { prefix: 'small-', models: 500, versionsPerModel: 2 };
const LARGE = { prefix: 'large-', models: quick ? 1_000 : 10_000, versionsPerModel: 100 };
/** Models the load is spread over in each phase (all of the small registry). */
const TOUCHED = { small: SMALL.models, large: 1_000 };

const names = (prefix: string, count: number, of: number) => Array.from({ length: count }, (_, i) => `${prefix}${1 + Math.floor((i * of) / count)}`);

run(() =>
  withStack({ seed: SMALL, servers: [] }, async ({ databaseUrl, token }) => {
    const phase = async (label: string, registry: typeof SMALL, touched: number) => {
      const server = await startServer('modelstage', { env: { DATABASE_URL: databaseUrl } });
      const reads = await readBenchmark({ modelstage: server, token, modelNames: names(registry.prefix, touched, registry.models), connections, duration }).finally(() => server.stop());
      // Promotions touch the first models: versions 1 and 2 take turns in PRODUCTION.
      const promotions = await promotionBenchmark({ databaseUrl, token, prefix: registry.prefix, models: touched, clients, duration });
      return { label, registry, reads, promotions };
    };

    const small = await phase(`${SMALL.models * SMALL.versionsPerModel} versions`, SMALL, TOUCHED.small);
    const seeding = performance.now();
    await seedRegistry(databaseUrl, LARGE);
    const seedSeconds = (performance.now() - seeding) / 1000;
    console.log(`seeded ${LARGE.models.toLocaleString('en-US')} models x ${LARGE.versionsPerModel} versions in ${seedSeconds.toFixed(0)} s`);
    const large = await phase(`${(LARGE.models * LARGE.versionsPerModel).toLocaleString('en-US')} versions`, LARGE, TOUCHED.large);

    printTable(`Reads, Modelstage only, ${connections} connections, ${duration} s each`, [
      ...readRows(small.reads, false).map((row) => ({ registry: small.label, ...row })),
      ...readRows(large.reads, false).map((row) => ({ registry: large.label, ...row })),
    ]);
    printTable(`Forced promotions, ${clients} clients, ${duration} s each`, [promotionRow(small.label, small.promotions), promotionRow(large.label, large.promotions)]);
    const growth = [
      ...small.reads.map((s, i) => ({ benchmark: s.query, 'p50 ratio': ratio(large.reads[i]!.modelstage.p50, s.modelstage.p50), 'p99 ratio': ratio(large.reads[i]!.modelstage.p99, s.modelstage.p99) })),
      { benchmark: 'setStage (forced)', 'p50 ratio': ratio(large.promotions.modelstage.p50, small.promotions.modelstage.p50), 'p99 ratio': ratio(large.promotions.modelstage.p99, small.promotions.modelstage.p99) },
    ];
    printTable(`Large / small registry (target <= 1.5)`, growth);
    await writeResults('scale', { seedSeconds, small, large, growth });
  }),
);
