/**
 * The one-round-trip promotion (services/promotion-fast-path.ts, migration 0006) against the
 * general path (moveInTransaction): the same answer, the same rows in the log, the same webhook
 * messages; and proof that the server really takes it for a plain setStage and not otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStage as setStageService } from '../src/services/promotion.js';
import { freshDatabase, sql } from './support/database.js';
import { createVersion, seedModel } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await freshDatabase();
  drop = database.drop;
  // Counts calls of PL/pgSQL functions in pg_stat_user_functions, for every session of the server.
  await sql(database.url, `alter database ${new URL(database.url).pathname.slice(1)} set track_functions = 'pl'`);
  // Retries far apart: the messages stay in the outbox as the trigger wrote them.
  server = await startTestServer({ databaseUrl: database.url, webhooks: { allowPrivate: true, retryDelaysMs: [600_000] } });
  const hook = await server.ok(`mutation { createWebhook(url: "http://127.0.0.1:9/hook", events: [STAGE_CHANGED]) { __typename } }`);
  expect(hook.createWebhook.__typename).toBe('CreateWebhookSuccess');
});
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

const PROMOTE = `mutation($name: String!, $version: String!, $reason: String) {
  setStage(name: $name, version: $version, stage: PRODUCTION, force: true, reason: $reason) {
    __typename
    ... on SetStageSuccess { modelVersion { name number stage } archived { name number stage } changes { from to forced displaced actor reason approvedBy transactionId modelVersion { number } } }
  }
}`;

async function functionCalls(): Promise<number> {
  const [row] = await sql<{ calls: number }>(server.databaseUrl, `select coalesce(sum(calls), 0)::int as calls from pg_stat_user_functions where funcname = 'modelstage_set_stage'`);
  return row!.calls;
}

/** Statistics reach the view after the calling session's transaction ends, within PostgreSQL's 10 s idle flush. */
async function callsAfter(before: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const calls = await functionCalls();
    if (calls > before || Date.now() > deadline) return calls;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a model's log holds, without ids, times or transaction ids (compared apart). */
async function logOf(model: string) {
  return sql(
    server.databaseUrl,
    `select c.from_stage, c.to_stage, c.forced, c.displaced, c.actor, c.reason, c.approved_by, v.number, v.stage,
            count(*) over (partition by c.transaction_id)::int as in_transaction
     from stage_change c join model m on m.id = c.model_id join model_version v on v.id = c.model_version_id
     where m.name = $1 order by c.id`,
    [model],
  );
}

/** The webhook messages about a model, without what differs from call to call (ids, times, cursors). */
async function outboxOf(model: string) {
  const rows = await sql<{ event: string; payload: { data: Record<string, unknown> } }>(server.databaseUrl, 'select event, payload from webhook_delivery order by id');
  const volatile = new Set(['cursor', 'transactionId', 'occurredAt', 'timestamp', 'id', 'model']);
  return rows
    .filter((row) => row.payload.data.model === model)
    .map((row) => ({ event: row.event, data: Object.fromEntries(Object.entries(row.payload.data).filter(([key]) => !volatile.has(key))) }));
}

describe('the one-round-trip promotion', () => {
  it('answers and logs what the general path does, and the server takes it for a forced setStage', async () => {
    for (const name of ['via-function', 'via-general']) {
      await seedModel(server, name, 2);
      await createVersion(server, name);
    }
    const before = await functionCalls();
    const first = await server.ok(PROMOTE, { name: 'via-function', version: '1', reason: 'first' });
    const second = await server.ok(PROMOTE, { name: 'via-function', version: '2', reason: 'second' });
    expect(await callsAfter(before)).toBeGreaterThanOrEqual(before + 2);

    // The same two calls through the service without the direct pool: moveInTransaction.
    const actor = first.setStage.changes[0].actor;
    const general = async (version: string, reason: string) => {
      const outcome = await setStageService(server.app.orm.em.fork(), { model: 'via-general', version, stage: 'production', force: true, reason, actor });
      expect('changes' in outcome).toBe(true);
    };
    await general('1', 'first');
    await general('2', 'second');

    expect(second.setStage).toMatchObject({
      __typename: 'SetStageSuccess',
      modelVersion: { number: 2, stage: 'PRODUCTION' },
      archived: [{ number: 1, stage: 'ARCHIVED' }],
      changes: [
        { from: 'PRODUCTION', to: 'ARCHIVED', forced: true, displaced: true, reason: 'second', approvedBy: [], modelVersion: { number: 1 } },
        { from: 'NONE', to: 'PRODUCTION', forced: true, displaced: false, reason: 'second', approvedBy: [], modelVersion: { number: 2 } },
      ],
    });
    expect(second.setStage.changes[0].transactionId).toBe(second.setStage.changes[1].transactionId);
    expect(await logOf('via-function')).toEqual(await logOf('via-general'));
    const messages = await outboxOf('via-function');
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(await outboxOf('via-general'));
  });

  it('answers every field as a read after it would, and as the general path does (plain instances, their relations from the same rows)', async () => {
    const FIELDS = `name number stage description tags metadata createdAt updatedAt model { name description tags createdAt updatedAt }`;
    const RICH = `mutation($name: String!, $version: String!, $key: String) {
      setStage(name: $name, version: $version, stage: PRODUCTION, force: true, idempotencyKey: $key) {
        __typename
        ... on SetStageSuccess {
          modelVersion { ${FIELDS} }
          archived { ${FIELDS} }
          changes { cursor from to forced displaced actor reason approvedBy transactionId occurredAt model { name tags } modelVersion { ${FIELDS} } }
        }
      }
    }`;
    const READ = `query($name: String!, $version: String!) { modelVersion(name: $name, version: $version) { ${FIELDS} } }`;
    const answers: Record<string, any>[] = [];
    for (const [name, key] of [['rich-function', null], ['rich-general', 'rich-general-key']] as const) {
      await seedModel(server, name, 0);
      await createVersion(server, name, { metadata: { accuracy: 0.9, notes: ['a', 'b'] } });
      await createVersion(server, name);
      await server.ok(PROMOTE, { name, version: '1' });
      // Without a key, the call the first test proves the server takes through the function; with one, the general path.
      const answer = (await server.ok(RICH, { name, version: '2', key })).setStage;
      expect(answer.__typename).toBe('SetStageSuccess');
      // What a read after the promotion answers, field for field (times to the millisecond).
      const read = async (version: string) => (await server.ok(READ, { name, version })).modelVersion;
      expect(answer.modelVersion).toEqual(await read('2'));
      expect(answer.archived).toEqual([await read('1')]);
      expect(answer.changes.map((change: { modelVersion: unknown }) => change.modelVersion)).toEqual([await read('1'), await read('2')]);
      const log = (await server.ok(`query($name: String!) { stageChanges(model: $name, last: 2) { edges { node { cursor occurredAt transactionId } } } }`, { name })).stageChanges;
      expect(answer.changes.map(({ cursor, occurredAt, transactionId }: Record<string, unknown>) => ({ cursor, occurredAt, transactionId }))).toEqual(
        log.edges.map(({ node }: { node: unknown }) => node),
      );
      answers.push(answer);
    }
    // The general path's answer, but for what differs between two models and two calls.
    const comparable = (answer: Record<string, any>) =>
      JSON.parse(JSON.stringify(answer, (key, value) => (['name', 'createdAt', 'updatedAt', 'cursor', 'transactionId', 'occurredAt'].includes(key) ? undefined : value)));
    expect(comparable(answers[0]!)).toEqual(comparable(answers[1]!));
  });

  it('is not taken when the general path must answer (conflict, dry run, expectedHolder, missing version)', async () => {
    await seedModel(server, 'general-only', 2);
    await server.ok(PROMOTE, { name: 'general-only', version: '1' });
    const conflict = await server.ok(`mutation { setStage(name: "general-only", version: "2", stage: PRODUCTION) { __typename } }`);
    const missing = await server.ok(`mutation { setStage(name: "general-only", version: "9", stage: PRODUCTION, force: true) { __typename } }`);
    const preview = await server.ok(`mutation { setStage(name: "general-only", version: "2", stage: PRODUCTION, force: true, dryRun: true) { __typename } }`);
    const refused = await server.ok(`mutation { setStage(name: "general-only", version: "2", stage: PRODUCTION, force: true, expectedHolder: "2") { __typename } }`);
    expect([conflict, missing, preview, refused].map((r) => r.setStage.__typename)).toEqual([
      'StageConflictError',
      'NotFoundError',
      'SetStagePreview',
      'PreconditionFailedError',
    ]);
    // The conflict and the missing version went through the function first, which changed nothing.
    expect(await logOf('general-only')).toHaveLength(1);
  });
});
