/**
 * Issue 7, promotions: forced setStage to PRODUCTION across 1,000 models at 32 concurrent
 * clients, against pgbench running the same transaction in plain SQL on the same database.
 * Target: at least 0.5x pgbench's transactions per second, with no error.
 *
 *   npm run bench:promotions [-- --quick] [-- --duration 10 --clients 32]
 */
import { benchArgs, run } from './lib/cli.js';
import { writeChart } from './lib/chart.js';
import { promotionBenchmark, promotionPanels, promotionRow } from './lib/promotions.js';
import { printTable, writeResults } from './lib/report.js';
import { withStack } from './lib/stack.js';

const { flags, duration, quick } = benchArgs({ clients: { type: 'string' } });
const clients = Number(flags.clients ?? 32);
const models = quick ? 200 : 1_000;

run(() =>
  withStack({ seed: { models, versionsPerModel: 2 }, servers: [] }, async ({ databaseUrl, token }) => {
    const figures = await promotionBenchmark({ databaseUrl, token, prefix: 'model-', models, clients, duration });
    printTable(`Forced promotions to PRODUCTION, ${models} models, ${clients} clients, ${duration} s each`, [promotionRow(`${models} models`, figures)]);
    await writeResults('promotions', { models, clients, duration, ...figures });
    const subtitle = `${models} models, ${clients} clients, ${duration} s, ${new Date().toISOString().slice(0, 10)}`;
    await writeChart('promotions', 'Forced promotions: Modelstage beside pgbench (same transaction)', subtitle, promotionPanels([{ label: `${models} models`, figures }]));
  }),
);
