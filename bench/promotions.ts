/**
 * Issue 7, promotions: forced setStage to PRODUCTION across 1,000 models at 32 concurrent
 * clients, against pgbench running the same transaction in plain SQL on the same database.
 * Target: at least 0.5x pgbench's transactions per second, with no error.
 *
 * Issue 13: `--webhooks N` first registers N active webhooks for STAGE_CHANGED pointing at a
 * receiver on 127.0.0.1 that answers 200 (the server runs with MODELSTAGE_WEBHOOK_ALLOW_PRIVATE),
 * so every promotion also fills the outbox and the dispatcher delivers while promotions run;
 * compare with a run without the flag (goal: under 10% fewer promotions per second).
 *
 *   npm run bench:promotions [-- --quick] [-- --duration 10 --clients 32] [-- --webhooks 10]
 */
import { benchArgs, run } from './lib/cli.js';
import { writeChart } from './lib/chart.js';
import { promotionBenchmark, promotionPanels, promotionRow } from './lib/promotions.js';
import { printTable, writeResults } from './lib/report.js';
import { withStack } from './lib/stack.js';
import { deliveryCounts, registerWebhooks, startReceiver } from './lib/webhooks.js';

const { flags, duration, quick } = benchArgs({ clients: { type: 'string' }, webhooks: { type: 'string' } });
const clients = Number(flags.clients ?? 32);
const webhooks = Number(flags.webhooks ?? 0);
const models = quick ? 200 : 1_000;

run(() =>
  withStack({ seed: { models, versionsPerModel: 2 }, servers: [] }, async ({ databaseUrl, token }) => {
    const receiver = webhooks > 0 ? await startReceiver() : undefined;
    try {
      if (receiver) await registerWebhooks(databaseUrl, receiver.url, webhooks);
      const serverEnv = receiver ? { MODELSTAGE_WEBHOOK_ALLOW_PRIVATE: 'true' } : undefined;
      const figures = await promotionBenchmark({ databaseUrl, token, prefix: 'model-', models, clients, duration, serverEnv });
      const label = `${models} models${webhooks ? `, ${webhooks} webhooks` : ''}`;
      printTable(`Forced promotions to PRODUCTION, ${models} models, ${clients} clients, ${duration} s each`, [promotionRow(label, figures)]);
      // Taken after the server stopped: pending = promotions the dispatcher had not delivered yet.
      const deliveries = receiver ? { received: receiver.received(), outbox: await deliveryCounts(databaseUrl) } : undefined;
      if (deliveries) console.log(`webhook deliveries: ${deliveries.received} received by the receiver; outbox ${JSON.stringify(deliveries.outbox)}`);
      await writeResults('promotions', { models, clients, duration, webhooks, ...figures, deliveries });
      const subtitle = `${label}, ${clients} clients, ${duration} s, ${new Date().toISOString().slice(0, 10)}`;
      await writeChart('promotions', 'Forced promotions: Modelstage beside pgbench (same transaction)', subtitle, promotionPanels([{ label, figures }]));
    } finally {
      await receiver?.close();
    }
  }),
);
