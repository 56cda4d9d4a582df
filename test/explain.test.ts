/**
 * Every hot query the services issue, captured from MikroORM's own query log and EXPLAINed on a
 * registry large enough for the planner to prefer indexes (2,000 models x 50 versions, one log
 * row per version, 5,000 tokens). A sequential scan of a large table fails the test: it is what
 * makes a registry slow down as it grows (issue 7's scale target).
 */
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRegistry, withClient } from '../bench/lib/database.js';
import { migrate, ormOptions } from '../src/db/orm.js';
import { findModel, listModels } from '../src/services/models.js';
import { findUsedKey } from '../src/services/idempotency.js';
import { holderAt, stagePeriods } from '../src/services/ledger.js';
import { rollbackStage, setStage } from '../src/services/promotion.js';
import { resolveVersion } from '../src/services/resolution.js';
import { listStageChanges, logHead, readLogAfter, versionHistory } from '../src/live/stage-log.js';
import { findActiveToken } from '../src/services/tokens.js';
import { listVersions } from '../src/services/versions.js';
import { createLoaders } from '../src/schema/loaders.js';
import { freshDatabase } from './support/database.js';

const LARGE_TABLES = new Set(['model', 'model_version', 'stage_change', 'api_token']);

/** Keeps the SQL of every query, with its parameters inlined. */
class CapturingLogger extends DefaultLogger {
  static captured: string[] = [];
  constructor(options: LoggerOptions) {
    super({ ...options, writer: () => undefined });
  }
  override logQuery(context: { query: string } & LogContext): void {
    CapturingLogger.captured.push(context.query);
  }
}

let database: Awaited<ReturnType<typeof freshDatabase>>;
let orm: MikroORM;
let ids: { model: string; version: string; cursor: string };

beforeAll(async () => {
  database = await freshDatabase();
  orm = await MikroORM.init({ ...ormOptions(database.url), debug: ['query', 'query-params'], loggerFactory: (options) => new CapturingLogger(options) });
  await migrate(orm, database.url);
  await seedRegistry(database.url, { models: 2_000, versionsPerModel: 50 });
  ids = await withClient(database.url, async (client) => {
    await client.query(
      `insert into api_token (name, secret_hash, scopes) select 'token-' || i, md5(i::text) || md5((-i)::text), '{read}' from generate_series(1, 5000) i`,
    );
    await client.query('analyze');
    const { rows } = await client.query(
      `select m.id::text as model, v.id::text as version, (select min(id)::text from stage_change) as cursor
       from model m join model_version v on v.model_id = m.id where m.name = 'model-1000' and v.number = 7`,
    );
    return rows[0];
  });
}, 180_000);
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

/** Runs `work`, then EXPLAINs every query it issued; returns the plans' scan nodes. */
async function explainQueriesOf(work: (em: EntityManager) => Promise<unknown>): Promise<{ sql: string; scans: string[] }[]> {
  CapturingLogger.captured = [];
  await work(orm.em.fork());
  const explained = [];
  for (const sql of CapturingLogger.captured.filter((q) => /^\s*(select|update|delete|with)\b/i.test(q) && !/pg_advisory|pg_notify|pg_current_xact_id/.test(q))) {
    const [row] = await orm.em.fork().getConnection().execute<{ 'QUERY PLAN': unknown[] }[]>(`explain (format json) ${sql}`);
    explained.push({ sql, scans: scansOf((row!['QUERY PLAN'][0] as { Plan: PlanNode }).Plan) });
    if (process.env.EXPLAIN_VERBOSE) console.log(`${sql}\n  -> ${explained.at(-1)!.scans.join('; ')}`);
  }
  return explained;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): string[] {
  const own = node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

const HOT_PATHS: [string, (em: EntityManager) => Promise<unknown>][] = [
  ['model by name', (em) => findModel(em, 'model-1000')],
  ['version by stage (PRODUCTION), model by name', (em) => resolveVersion(em, { name: 'model-1000' }, { stage: 'production' })],
  ['version by stage (STAGING), model by id', (em) => resolveVersion(em, { id: ids.model }, { stage: 'staging' })],
  ['version by stage (ARCHIVED)', (em) => resolveVersion(em, { id: ids.model }, { stage: 'archived' })],
  ['version LATEST', (em) => resolveVersion(em, { name: 'model-1000' }, { stage: 'latest' })],
  ['version by number', (em) => resolveVersion(em, { name: 'model-1000' }, { version: '7' })],
  ['version by name', (em) => resolveVersion(em, { id: ids.model }, { version: 'seven' })],
  ['versions page', (em) => listVersions(em, ids.model, { first: 20 })],
  ['versions page after a cursor, in a stage', async (em) => {
    const page = await listVersions(em, ids.model, { first: 5 });
    await listVersions(em, ids.model, { first: 5, after: page.cursors.at(-1) });
    await listVersions(em, ids.model, { first: 5, stage: 'archived' });
    await listVersions(em, ids.model, { stage: 'latest' });
  }],
  ['models page and the next one', async (em) => {
    const page = await listModels(em, { first: 20 });
    await listModels(em, { first: 20, after: page.cursors.at(-1) });
  }],
  // A term rare among the names goes through the trigram index; a common prefix walks the name
  // index in order. (A term whose every trigram is in most names, such as "del-1999" against these
  // seeded names, may be planned as a scan of `model`, which PostgreSQL then judges cheaper.)
  ['models searched by a distinctive part of the name, and by a common one', async (em) => {
    await listModels(em, { first: 20, search: 'Fraud' });
    await listModels(em, { first: 20, search: 'model-1' });
  }],
  ['stage log after a cursor, global', (em) => listStageChanges(em, { first: 20, after: ids.cursor })],
  ['stage log after a cursor, one model', (em) => listStageChanges(em, { modelName: 'model-1000', first: 20, after: ids.cursor })],
  ['live feed read after the head', (em) => readLogAfter(em, ids.cursor, { limit: 500 })],
  ['log head', (em) => logHead(em)],
  ['version history', (em) => versionHistory(em, ids.version, { first: 20 })],
  ['token lookup by hash', (em) => findActiveToken(em, 'mst_not_a_real_token_but_well_formed_0123456789')],
  ['batched loaders (models, versions, holders and LATEST of a page)', async (em) => {
    const loaders = createLoaders(em);
    await Promise.all([loaders.model.load(ids.model), loaders.version.load(ids.version)]);
    await Promise.all(['production', 'latest'].map((stage) => loaders.versionInStage.load({ modelId: ids.model, stage: stage as 'production' })));
  }],
  ['forced promotion (lock, holder lookup, archive, promote, log)', (em) =>
    setStage(em, { model: 'model-1000', version: '2', stage: 'production', force: true, actor: 'explain' })],
  ['compare-and-set promotion with a reason and an idempotency key', (em) =>
    setStage(em, { model: 'model-1001', version: '3', stage: 'production', force: true, expectedHolder: '1', reason: 'explain', idempotencyKey: 'explain-1', actor: 'explain', tokenId: '1' })],
  ['idempotency key lookup', (em) => findUsedKey(em, '1', 'explain-1')],
  ['rollback (the previous holder by the log)', (em) => rollbackStage(em, { model: 'model-1000', stage: 'production', actor: 'explain' })],
  ['holderAt, now and long ago', async (em) => {
    const model = (await findModel(em, 'model-1000'))!;
    await holderAt(em, model, 'production', new Date());
    await holderAt(em, model, 'production', new Date(Date.now() - 86_400_000));
  }],
  ['stagePeriods, a page and the next one', async (em) => {
    const model = (await findModel(em, 'model-1000'))!;
    const page = await stagePeriods(em, model, 'production', { first: 1 });
    await stagePeriods(em, model, 'production', { first: 1, after: page.cursors.at(-1) });
  }],
];

const sequentialScans = (plans: { sql: string; scans: string[] }[]) =>
  plans.filter((plan) => plan.scans.some((scan) => scan.startsWith('Seq Scan') && LARGE_TABLES.has(scan.split(' on ')[1]!.split(' ')[0]!)));

describe('hot queries on a large registry', () => {
  it.each(HOT_PATHS)('%s uses no sequential scan of a large table', async (_label, work) => {
    const plans = await explainQueriesOf(work);
    expect(plans.length).toBeGreaterThan(0);
    expect(sequentialScans(plans), JSON.stringify(plans, null, 2)).toEqual([]);
  });

  it('notices a sequential scan when there is one', async () => {
    const plans = await explainQueriesOf((em) => em.execute(`select * from model_version where description = 'nowhere'`));
    expect(sequentialScans(plans)).toHaveLength(1);
  });
});
