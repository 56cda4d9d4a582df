import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ChartPanel } from './chart.js';
import { withClient } from './database.js';
import { gql } from './http.js';
import { ratio, summarize } from './report.js';
import { cpuMeter, startServer } from './servers.js';

const run = promisify(execFile);

export interface PromotionResult {
  transactionsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

export interface PromotionOptions {
  databaseUrl: string;
  token: string;
  /** Models `${prefix}1` … `${prefix}${models}` (seeded by seedRegistry), each with versions 1 and 2. */
  prefix: string;
  models: number;
  clients: number;
  duration: number;
  /** Extra environment for the Modelstage server (e.g. MODELSTAGE_WEBHOOK_ALLOW_PRIVATE). */
  serverEnv?: Record<string, string>;
}

/**
 * One forced promotion to PRODUCTION per transaction. Client c owns the models whose index is c
 * modulo the number of clients and walks them in turn, each time promoting whichever of
 * versions 1 and 2 does not hold PRODUCTION, so that every transaction archives a holder and
 * appends two log rows. Both sides run the same plan; pgbench first, then Modelstage (started
 * only then, so that its log reader does not take CPU from pgbench).
 */
export async function promotionBenchmark(options: PromotionOptions) {
  const pgbench = await pgbenchPromotions(options);
  const server = await startServer('modelstage', { env: { ...options.serverEnv, DATABASE_URL: options.databaseUrl } });
  try {
    await modelstagePromotions(server.url, { ...options, duration: Math.min(2, options.duration) });
    const cpuMicrosPer = cpuMeter(server);
    const modelstage = await modelstagePromotions(server.url, options);
    // Steadier than throughput on a shared machine: what one promotion costs the server process.
    const serverCpuMicrosPerPromotion = cpuMicrosPer(modelstage.total);
    return { pgbench, modelstage, serverCpuMicrosPerPromotion, tpsRatio: ratio(modelstage.transactionsPerSecond, pgbench.transactionsPerSecond) };
  } finally {
    await server.stop();
  }
}

const PROMOTE = `mutation($name: String!, $version: String!) {
  setStage(name: $name, version: $version, stage: PRODUCTION, force: true) { __typename ... on SetStageSuccess { changes { cursor } } }
}`;

async function modelstagePromotions(url: string, options: PromotionOptions): Promise<PromotionResult> {
  const holders = await withClient(options.databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string; number: number }>(
      `select m.name, v.number from model m join model_version v on v.model_id = m.id and v.stage = 'production' where m.name like $1 || '%'`,
      [options.prefix],
    );
    return new Map(rows.map((row) => [row.name, row.number]));
  });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.duration * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      const own = Array.from({ length: options.models }, (_, i) => `${options.prefix}${i + 1}`).filter((_, i) => i % options.clients === client);
      for (let turn = 0; performance.now() < deadline; turn += 1) {
        const name = own[turn % own.length]!;
        const version = 3 - (holders.get(name) ?? 2);
        const sent = performance.now();
        try {
          const data = await gql(url, options.token, { query: PROMOTE, variables: { name, version: String(version) } });
          if (data.setStage.__typename !== 'SetStageSuccess' || data.setStage.changes.length !== 2) throw new Error(JSON.stringify(data));
          holders.set(name, version);
          latencies.push(performance.now() - sent);
        } catch (error) {
          if (errors++ === 0) console.warn(`promotion failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { p50, p99 } = summarize(latencies);
  return { transactionsPerSecond: latencies.length / elapsed, p50, p99, errors, total: latencies.length };
}

/**
 * The transaction the issue describes, one plain statement per step: lock the model row, find
 * the holder and the new version, archive the holder, set the new holder, append two log rows,
 * notify. setStage makes the same changes in three statements (see src/services/promotion.ts).
 */
const PGBENCH_SCRIPT = String.raw`
\set i :client_id + :clients * random(0, (:nmodels - 1 - :client_id) / :clients)
\set m :first + :i
BEGIN;
SELECT id FROM model WHERE id = :m FOR UPDATE;
SELECT id AS holder_id, number AS holder_number FROM model_version WHERE model_id = :m AND stage = 'production' \gset
SELECT id AS new_id, stage AS new_from FROM model_version WHERE model_id = :m AND number = :holder_number % 2 + 1 \gset
UPDATE model_version SET stage = 'archived', updated_at = now() WHERE id = :holder_id;
UPDATE model_version SET stage = 'production', updated_at = now() WHERE id = :new_id;
SELECT pg_advisory_xact_lock(1836280935), pg_current_xact_id()::text AS xid \gset
INSERT INTO stage_change (model_id, model_version_id, from_stage, to_stage, forced, displaced, actor, transaction_id) VALUES (:m, :holder_id, 'production', 'archived', true, true, 'pgbench', ':xid'), (:m, :new_id, ':new_from', 'production', true, false, 'pgbench', ':xid');
SELECT pg_notify('modelstage_stage_log', currval('stage_change_id_seq')::text);
END;
`;

export async function pgbenchPromotions(options: PromotionOptions): Promise<PromotionResult> {
  const first = await withClient(options.databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>('select id::text from model where name = $1', [`${options.prefix}1`]);
    return rows[0]!.id;
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-pgbench-'));
  try {
    const script = path.join(dir, 'promote.sql');
    await writeFile(script, PGBENCH_SCRIPT);
    const { stdout } = await run(
      'pgbench',
      ['-n', '-c', String(options.clients), '-j', '2', '-T', String(options.duration), '-f', script,
        '-D', `first=${first}`, '-D', `nmodels=${options.models}`, '-D', `clients=${options.clients}`,
        '-l', `--log-prefix=${path.join(dir, 'log')}`, options.databaseUrl],
      { maxBuffer: 16 * 2 ** 20 },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // Per-transaction log lines: client, transaction, latency in microseconds, ...
    const latencies: number[] = [];
    for (const file of (await readdir(dir)).filter((name) => name.startsWith('log'))) {
      for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
        const micros = Number(line.split(' ')[2]);
        if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
      }
    }
    const { p50, p99 } = summarize(latencies);
    await checkPgbenchRows(options.databaseUrl);
    return { transactionsPerSecond: tps, p50, p99, errors: failed, total: latencies.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function promotionRow(label: string, figures: Awaited<ReturnType<typeof promotionBenchmark>>) {
  return {
    run: label,
    'pgbench tps': figures.pgbench.transactionsPerSecond,
    'pgbench p99 ms': figures.pgbench.p99,
    tps: figures.modelstage.transactionsPerSecond,
    'p50 ms': figures.modelstage.p50,
    'p99 ms': figures.modelstage.p99,
    errors: figures.modelstage.errors + figures.pgbench.errors,
    'server CPU us': figures.serverCpuMicrosPerPromotion,
    'tps ratio': figures.tpsRatio,
  };
}

/** The plain-SQL transaction must have written what setStage writes. */
async function checkPgbenchRows(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ bad: string; holders: string }>(
      `select (select count(*) from stage_change where actor = 'pgbench' and (transaction_id !~ '^[0-9]+$' or from_stage not in ('none', 'archived', 'production')))::text as bad,
              (select count(*) from (select model_id from model_version where stage = 'production' group by model_id having count(*) > 1) twice)::text as holders`,
    );
    if (rows[0]!.bad !== '0' || rows[0]!.holders !== '0') throw new Error(`the pgbench script wrote unexpected rows: ${JSON.stringify(rows[0])}`);
  });
}

/** Chart panels for promotion runs: transactions per second, then p50 and p99, pgbench beside Modelstage. */
export function promotionPanels(runs: { label: string; figures: Awaited<ReturnType<typeof promotionBenchmark>> }[]): ChartPanel[] {
  const pair = (f: Awaited<ReturnType<typeof promotionBenchmark>>, pick: (r: PromotionResult) => number) => ({ pgbench: pick(f.pgbench), Modelstage: pick(f.modelstage) });
  return [
    { title: 'Forced promotions', unit: 'transactions/s', groups: runs.map(({ label, figures }) => ({ label, values: pair(figures, (r) => r.transactionsPerSecond) })) },
    {
      title: 'Latency',
      unit: 'ms',
      groups: runs.flatMap(({ label, figures }) => [
        { label: `${label} p50`, values: pair(figures, (r) => r.p50) },
        { label: `${label} p99`, values: pair(figures, (r) => r.p99) },
      ]),
    },
  ];
}
