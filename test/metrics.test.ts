import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { sql } from './support/database.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { sseSubscribe, wsSubscribe } from './support/subscribers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const metricsUrl = () => server.url.replace(/graphql$/, 'metrics');

async function scrape(url = metricsUrl()): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there is none). */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, wanted]) => present[key] === wanted)) sum += Number(match[3]);
  }
  return sum;
}

const OUTCOMES = ['success', 'noop', 'conflict', 'not_found', 'invalid', 'precondition_failed', 'approval_required', 'dry_run'];

async function outcomes(): Promise<Record<string, number>> {
  const { text } = await scrape();
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, value(text, 'modelstage_set_stage_total', { outcome })]));
}

/** What changed between two outcome snapshots, leaving out what did not. */
function moved(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).flatMap((key) => (after[key] !== before[key] ? [[key, after[key]! - before[key]!]] : [])));
}

describe('/metrics', () => {
  it('answers Prometheus text without a token, with every metric the contract names', async () => {
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'modelstage_stage_changes_total',
      'modelstage_set_stage_total',
      'modelstage_subscriptions',
      'modelstage_webhook_deliveries_total',
      'modelstage_graphql_request_duration_seconds',
      'modelstage_feed_lag_changes',
      'modelstage_feed_lag_seconds',
      'modelstage_webhook_backlog',
      'modelstage_webhook_backlog_oldest_seconds',
      'modelstage_listen_connected',
      'modelstage_db_pool_connections',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^# TYPE modelstage_graphql_request_duration_seconds histogram$/m);
    expect(value(text, 'modelstage_listen_connected')).toBe(1);
    expect(value(text, 'modelstage_db_pool_connections', { state: 'max' })).toBe(10);
    expect(value(text, 'modelstage_feed_lag_changes')).toBe(0);
  });

  it('counts each setStage outcome once, and each committed change by its stages', async () => {
    await seedModel(server, 'counted', 2);
    const stageChange = async (from: string, to: string) => value((await scrape()).text, 'modelstage_stage_changes_total', { from, to });

    let before = await outcomes();
    const promotionsBefore = await stageChange('none', 'production');
    expect((await setStage(server, 'counted', '1', 'PRODUCTION')).__typename).toBe('SetStageSuccess');
    expect(moved(before, await outcomes())).toEqual({ success: 1 });
    expect((await stageChange('none', 'production')) - promotionsBefore).toBe(1);

    before = await outcomes();
    expect((await setStage(server, 'counted', '2', 'PRODUCTION')).__typename).toBe('StageConflictError');
    expect(moved(before, await outcomes())).toEqual({ conflict: 1 });

    before = await outcomes();
    expect((await setStage(server, 'counted', '1', 'PRODUCTION')).changes).toEqual([]);
    expect(moved(before, await outcomes())).toEqual({ noop: 1 });

    before = await outcomes();
    expect((await setStage(server, 'counted', '9', 'STAGING')).__typename).toBe('NotFoundError');
    expect((await setStage(server, 'counted', '2', 'LATEST')).__typename).toBe('ValidationError');
    expect(moved(before, await outcomes())).toEqual({ not_found: 1, invalid: 1 });

    // A forced move commits two changes: the holder archived, the new version in.
    const archivedBefore = await stageChange('production', 'archived');
    expect((await setStage(server, 'counted', '2', 'PRODUCTION', true)).changes).toHaveLength(2);
    expect((await stageChange('production', 'archived')) - archivedBefore).toBe(1);
  });

  it('times each GraphQL query and mutation in the request duration histogram', async () => {
    const count = async () => value((await scrape()).text, 'modelstage_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'ok' });
    const before = await count();
    await server.ok('query Timed { models(first: 1) { edges { node { name } } } }');
    await server.ok('{ models(first: 1) { edges { node { name } } } }');
    expect((await count()) - before).toBe(2);
    const errors = async () => value((await scrape()).text, 'modelstage_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'error' });
    const errorsBefore = await errors();
    expect((await server.gql('{ models(first: 1) { edges { node { name } } } }', {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await errors()) - errorsBefore).toBe(1);
  });

  it('follows subscriptions as they open and close, on graphql-ws (shared or not) and on SSE', async () => {
    const gauge = async (transport: string) => value((await scrape()).text, 'modelstage_subscriptions', { transport });
    await seedModel(server, 'watched', 1);
    expect(await gauge('ws')).toBe(0);
    expect(await gauge('sse')).toBe(0);

    // Two identical live subscriptions share one execution: still two subscribers.
    const first = await wsSubscribe(server.url, { name: 'watched' });
    const second = await wsSubscribe(server.url, { name: 'watched' });
    const replaying = await wsSubscribe(server.url, { name: 'watched', after: '0' });
    await vi.waitFor(async () => expect(await gauge('ws')).toBe(3));
    const sse = await sseSubscribe(server.url, { name: 'watched' });
    await vi.waitFor(async () => expect(await gauge('sse')).toBe(1));
    expect(await gauge('ws')).toBe(3);

    await setStage(server, 'watched', '1', 'STAGING');
    await first.waitFor(1);
    await sse.waitFor(1);

    await first.close();
    await vi.waitFor(async () => expect(await gauge('ws')).toBe(2));
    await sse.close();
    await vi.waitFor(async () => expect(await gauge('sse')).toBe(0));
    await second.close();
    await replaying.close();
    await vi.waitFor(async () => expect(await gauge('ws')).toBe(0));
    expect(await gauge('sse')).toBe(0);
  });

  it('counts webhook attempts as the dispatcher records them', async () => {
    const status = async (name: string) => value((await scrape()).text, 'modelstage_webhook_deliveries_total', { status: name });
    const before = { delivered: await status('delivered'), failed_attempt: await status('failed_attempt'), failed: await status('failed') };
    server.app.metrics.webhookAttempt({ delivered: false });
    server.app.metrics.webhookAttempt({ delivered: false, final: true });
    server.app.metrics.webhookAttempt({ delivered: true });
    expect(await status('delivered')).toBe(before.delivered + 1);
    expect(await status('failed_attempt')).toBe(before.failed_attempt + 2);
    expect(await status('failed')).toBe(before.failed + 1);
  });

  it('reads the webhook backlog from the outbox, and stays up while there is none', async () => {
    const backlog = async () => {
      const { status, text } = await scrape();
      expect(status).toBe(200);
      return { messages: value(text, 'modelstage_webhook_backlog'), oldest: value(text, 'modelstage_webhook_backlog_oldest_seconds') };
    };
    const [row] = await sql<{ present: boolean }>(server.databaseUrl, "select to_regclass('webhook_delivery') is not null as present");
    const present = row?.present === true;
    if (present) {
      // The webhooks migration made it: the gauge reads it (nothing is pending in this test).
      expect(await backlog()).toEqual({ messages: 0, oldest: 0 });
      return;
    }
    expect(await backlog()).toEqual({ messages: 0, oldest: 0 });
    await sql(server.databaseUrl, 'create table webhook_delivery (id bigserial primary key, status text not null, created_at timestamptz not null)');
    await sql(
      server.databaseUrl,
      "insert into webhook_delivery (status, created_at) values ('pending', now() - interval '90 seconds'), ('pending', now()), ('delivered', now() - interval '1 hour')",
    );
    const read = await backlog();
    expect(read.messages).toBe(2);
    expect(read.oldest).toBeGreaterThanOrEqual(90);
    expect(read.oldest).toBeLessThan(200);
    await sql(server.databaseUrl, 'drop table webhook_delivery');
  });

  it('never shows a model or version name, a token, a token name or a URL', async () => {
    const model = 'zq-metrics-secret-model-7f3a';
    const tokenName = 'zq-metrics-token-name-91c2';
    const token = await server.token(['PROMOTE'], tokenName);
    await server.ok('mutation($name: String!) { createModel(name: $name) { __typename } }', { name: model }, token);
    await createVersion(server, model, { name: 'zq-version-name-55e1' });
    await setStage(server, model, 'zq-version-name-55e1', 'PRODUCTION', false, token);
    await setStage(server, model, 'zq-version-name-55e1', 'LATEST', false, token);
    const { text } = await scrape();
    for (const secret of [model, tokenName, token, 'zq-version-name-55e1', '127.0.0.1', 'http://', 'postgres://', 'mst_']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('is off with MODELSTAGE_METRICS=false', async () => {
    expect(loadConfig({ MODELSTAGE_METRICS: 'false' }).metrics).toBe(false);
    expect(loadConfig({}).metrics).toBe(true);
    expect(() => loadConfig({ MODELSTAGE_METRICS: 'maybe' })).toThrow(/MODELSTAGE_METRICS/);
    const quiet = await startTestServer({ metrics: false });
    try {
      expect((await scrape(quiet.url.replace(/graphql$/, 'metrics'))).status).toBe(404);
      expect((await quiet.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await quiet.stop();
    }
  });
});
