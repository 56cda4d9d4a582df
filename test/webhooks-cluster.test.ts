import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from './support/database.js';
import { createVersion, seedModel, SET_STAGE } from './support/fixtures.js';
import { spawnServer } from './support/process.js';
import { eventually, startReceiver, type Receiver } from './support/receiver.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

const FAST = { allowPrivate: true, retryDelaysMs: [150, 150, 150] };
const CREATE = 'mutation($url: String!, $model: String) { createWebhook(url: $url, model: $model) { ... on CreateWebhookSuccess { webhook { id } } } }';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  cleanups.push(() => started.close());
  return started;
}

/** The cursors of the messages a receiver answered with a 2xx, in arrival order. */
const cursorsOf = (messages: Receiver['received']) => messages.map((r) => BigInt(r.message.data.cursor as string));
const ascending = (values: bigint[]) => values.every((value, index) => index === 0 || values[index - 1]! < value);

describe('webhooks across instances and crashes', { timeout: 120_000 }, () => {
  it('two instances on one database attempt each message once, in order', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const first = await startTestServer({ databaseUrl: database.url, webhooks: FAST });
    cleanups.push(() => first.app.stop());
    const second = await startTestServer({ databaseUrl: database.url, webhooks: FAST });
    cleanups.push(() => second.app.stop());
    const hook = await receiver();
    await seedModel(first, 'twin-model', 2);
    await first.ok(CREATE, { url: hook.url, model: 'twin-model' });
    for (let i = 0; i < 30; i += 1) {
      const through = i % 2 === 0 ? first : second;
      await through.ok(SET_STAGE, { name: 'twin-model', version: String((i % 4 < 2 ? 1 : 2)), stage: i % 4 < 2 ? (i % 2 === 0 ? 'STAGING' : 'NONE') : i % 2 === 0 ? 'ARCHIVED' : 'NONE' });
    }
    const changes = await first.ok<any>('{ stageChanges(model: "twin-model", first: 100) { edges { cursor } } }');
    expect(changes.stageChanges.edges).toHaveLength(30);
    await hook.waitFor(30);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hook.received).toHaveLength(30);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(30);
    expect(ascending(cursorsOf(hook.received))).toBe(true);
  });

  it('a receiver that takes 9 s does not delay another webhook', async () => {
    const server = await startTestServer({ webhooks: FAST });
    cleanups.push(() => server.stop());
    const slow = await receiver(() => ({ status: 200, delayMs: 9_000 }));
    const fast = await receiver();
    await seedModel(server, 'slow-model', 2);
    await server.ok(CREATE, { url: slow.url });
    await server.ok(CREATE, { url: fast.url });
    const started = Date.now();
    await server.ok(SET_STAGE, { name: 'slow-model', version: '1', stage: 'STAGING' });
    await server.ok(SET_STAGE, { name: 'slow-model', version: '2', stage: 'PRODUCTION' });
    await fast.waitFor(2, 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    // The slow receiver holds its first message; its second waits behind it.
    await slow.waitFor(1, 3_000);
    expect(slow.received).toHaveLength(1);
    await slow.waitFor(2, 15_000);
    expect(cursorsOf(slow.received)).toEqual(cursorsOf(fast.received));
  });

  it('after SIGKILL of a server whose message is being retried, a restart delivers everything in order', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    let healthy = false;
    const hook = await receiver(() => ({ status: healthy ? 200 : 503 }));
    const env = {
      DATABASE_URL: database.url,
      MODELSTAGE_ADMIN_TOKEN: ADMIN_TOKEN,
      MODELSTAGE_WEBHOOK_ALLOW_PRIVATE: 'true',
      MODELSTAGE_WEBHOOK_RETRY_DELAYS: '1000,1000,1000,1000,1000,1000,1000,1000,1000,1000',
    };
    const call = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const move = (url: string, version: string, stage: string) => call(url, SET_STAGE, { name: 'crash-model', version, stage });

    const crashing = await spawnServer(env);
    // A process killed by a signal has no exit code: stop() must not wait for it twice.
    cleanups.push(async () => (crashing.child.signalCode === null ? crashing.stop('SIGKILL') : undefined));
    await call(crashing.url, 'mutation { createModel(name: "crash-model") { __typename } }');
    for (let i = 0; i < 2; i += 1) await call(crashing.url, 'mutation { createModelVersion(model: "crash-model") { __typename } }');
    await call(crashing.url, CREATE, { url: hook.url });
    await move(crashing.url, '1', 'STAGING');
    await move(crashing.url, '2', 'PRODUCTION');
    await move(crashing.url, '1', 'NONE');
    // The first message failed at least once and waits for its retry; the others wait behind it.
    await hook.waitFor(1);
    expect(await crashing.stop('SIGKILL')).toBeNull();

    const restarted = await spawnServer(env);
    cleanups.push(() => restarted.stop());
    healthy = true;
    await move(restarted.url, '1', 'ARCHIVED');
    await move(restarted.url, '2', 'ARCHIVED');
    const delivered = await eventually(async () => {
      const unique = new Set(hook.received.map((r) => r.headers['webhook-id']));
      return unique.size >= 5 ? hook.received : undefined;
    }, 30_000, 'five messages');
    // Failed attempts repeat the first message (same webhook-id); after it, each message once, in order.
    const distinct = [...new Map(delivered.map((r) => [String(r.headers['webhook-id']), r])).values()];
    expect(distinct).toHaveLength(5);
    expect(ascending(cursorsOf(distinct))).toBe(true);
    expect(distinct.map((r) => [r.message.data.version, r.message.data.to])).toEqual([
      ['1', 'STAGING'],
      ['2', 'PRODUCTION'],
      ['1', 'NONE'],
      ['1', 'ARCHIVED'],
      ['2', 'ARCHIVED'],
    ]);
    const repeated = delivered.filter((r) => r.headers['webhook-id'] !== distinct[0]!.headers['webhook-id']);
    expect(repeated).toHaveLength(4);
  });

  it('versionCreated tells a subscriber of each new version once it commits, for one model when named', async () => {
    const server: TestServer = await startTestServer();
    cleanups.push(() => server.stop());
    await seedModel(server, 'live-a');
    await seedModel(server, 'live-b');
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    cleanups.push(() => client.dispose() as Promise<void>);
    const seen: { all: string[]; onlyA: string[] } = { all: [], onlyA: [] };
    const subscribe = (name: string | null, into: string[]) =>
      client.subscribe<{ versionCreated: { name: string; number: number; model: { name: string } } }>(
        { query: 'subscription($name: String) { versionCreated(name: $name) { name number model { name } } }', variables: { name } },
        { next: (result) => void into.push(`${result.data!.versionCreated.model.name}/${result.data!.versionCreated.name}`), error: () => undefined, complete: () => undefined },
      );
    subscribe(null, seen.all);
    subscribe('live-a', seen.onlyA);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await createVersion(server, 'live-a');
    await createVersion(server, 'live-b', { name: 'named' });
    await eventually(async () => (seen.all.length >= 2 ? true : undefined), 10_000, 'two versions');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.all).toEqual(['live-a/1', 'live-b/named']);
    expect(seen.onlyA).toEqual(['live-a/1']);
  });
});
