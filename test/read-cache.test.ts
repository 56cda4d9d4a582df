import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { freshDatabase } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { CachedHolderDocument, CreateReadTokenDocument, PromoteAndReadBackDocument, RevokeTokenDocument } from './generated/graphql.js';

/**
 * The read cache's own mechanics (cache/registry-cache.ts, cache/freshness.ts). That no read is
 * ever stale across instances is test/read-consistency.test.ts's part, black-box.
 */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(options);
  cleanups.push(() => started.stop());
  return started;
}

/** The cache's running totals, as /metrics shows them. */
async function counters(server: TestServer) {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  return {
    hits: value(/^modelstage_read_cache_lookups_total\{result="hit"\} (\S+)$/m),
    joined: value(/^modelstage_read_cache_lookups_total\{result="joined"\} (\S+)$/m),
    misses: value(/^modelstage_read_cache_lookups_total\{result="miss"\} (\S+)$/m),
    models: value(/^modelstage_read_cache_models (\S+)$/m),
    barriers: value(/^modelstage_freshness_barriers_total (\S+)$/m),
    failedBarriers: value(/^modelstage_freshness_barriers_failed_total (\S+)$/m),
  };
}

/** `count` graphql-transport-ws subscribe messages for one query, written in a single burst; their data in order. */
async function burstOverWebsocket(server: TestServer, count: number, query: string, variables: Record<string, unknown>): Promise<unknown[]> {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  cleanups.push(async () => socket.close());
  const data = new Map<string, unknown>();
  const done = new Promise<void>((resolve, reject) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type: string; id?: string; payload?: { data?: unknown } };
      if (message.type === 'connection_ack') {
        const socketStream = (socket as unknown as { _socket: import('node:net').Socket })._socket;
        socketStream.cork();
        for (let i = 0; i < count; i += 1) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query, variables } }));
        socketStream.uncork();
      } else if (message.type === 'next') data.set(message.id!, message.payload?.data);
      else if (message.type === 'error') reject(new Error(JSON.stringify(message)));
      else if (message.type === 'complete' && data.size === count) resolve();
    });
    socket.on('error', reject);
  });
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${ADMIN_TOKEN}` } })));
  await done;
  return Array.from({ length: count }, (_, i) => data.get(String(i)));
}

/** A graphql-transport-ws socket authenticated with `token`, sending one operation at a time. */
async function openSocket(server: TestServer, token: string) {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  cleanups.push(async () => socket.close());
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  let wake: () => void = () => undefined;
  socket.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)));
    wake();
  });
  const next = async (accept: (message: (typeof messages)[number]) => boolean) => {
    for (;;) {
      const index = messages.findIndex(accept);
      if (index >= 0) return messages.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await next((message) => message.type === 'connection_ack');
  let ids = 0;
  return {
    /** The operation's first answer: its data (`next`), or the `error` message refusing it. */
    operation: async (query: string, variables: Record<string, unknown>) => {
      const id = String(++ids);
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      const answer = await next((message) => message.id === id && (message.type === 'next' || message.type === 'error'));
      return answer.type === 'next' ? { type: 'next', data: (answer.payload as { data?: unknown }).data } : answer;
    },
    close: () => socket.close(),
  };
}

/** A new READ token: its secret and its ApiToken. */
async function readToken(server: TestServer, name: string) {
  const created = await server.ok(CreateReadTokenDocument, { name });
  if (created.createApiToken.__typename !== 'CreateApiTokenSuccess') throw new Error(created.createApiToken.__typename);
  return created.createApiToken;
}

const holder = async (server: TestServer, name: string, token?: string) =>
  (await server.ok(CachedHolderDocument, { name, stage: 'PRODUCTION' }, token)).modelVersion?.number ?? null;

describe('the read cache', { timeout: 60_000 }, () => {
  it('answers a burst of reads after one freshness check per round trip, not one per read', async () => {
    const s = await server();
    await seedModel(s, 'cache-batch', 2);
    await setStage(s, 'cache-batch', '2', 'PRODUCTION');
    expect(await holder(s, 'cache-batch')).toBe(2);
    const before = await counters(s);
    // 200 queries written at once on one graphql-ws socket: the server takes them in one go, so
    // they arrive while the first one's barrier is out (HTTP requests from this same process
    // arrive one by one, each after the barrier before it returned).
    const answers = await burstOverWebsocket(s, 200, String(CachedHolderDocument), { name: 'cache-batch', stage: 'PRODUCTION' });
    const after = await counters(s);
    expect(answers).toEqual(Array.from({ length: 200 }, () => ({ modelVersion: { number: 2 } })));
    // Each read needs a barrier sent after it arrived, so 200 reads at once take at least 2;
    // one per read would be 200.
    const barriers = after.barriers - before.barriers;
    expect(barriers).toBeGreaterThanOrEqual(2);
    expect(barriers).toBeLessThan(20);
    // Two lookups per read (the model by name, then its PRODUCTION), all from entries.
    expect(after.hits - before.hits).toBe(400);
    expect(after.misses - before.misses).toBe(0);
  });

  it('reads that miss the same rows at once share one load', async () => {
    const s = await server();
    await seedModel(s, 'cache-herd', 2);
    await setStage(s, 'cache-herd', '1', 'PRODUCTION');
    expect(await holder(s, 'cache-herd')).toBe(1);
    // The promotion drops the model's entries: every reader after it misses at the same moment.
    await setStage(s, 'cache-herd', '2', 'PRODUCTION', true);
    const before = await counters(s);
    // The version table locked for a moment, so that the first load of PRODUCTION's holder waits
    // and every other read finds it in flight (reads are plain SELECTs: only this lock holds them).
    const locker = new pg.Client({ connectionString: s.databaseUrl });
    await locker.connect();
    cleanups.push(() => locker.end());
    await locker.query('begin');
    await locker.query('lock table model_version in access exclusive mode');
    const reads = burstOverWebsocket(s, 50, String(CachedHolderDocument), { name: 'cache-herd', stage: 'PRODUCTION' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await locker.query('commit');
    const answers = await reads;
    const after = await counters(s);
    expect(answers).toEqual(Array.from({ length: 50 }, () => ({ modelVersion: { number: 2 } })));
    // One load of the model, one of its holder; every other lookup an entry or a load in flight.
    expect(after.misses - before.misses).toBe(2);
    expect(after.joined - before.joined).toBeGreaterThanOrEqual(40);
  });

  it("a mutation's own fields read what it wrote, with the cache warm on the old holder", async () => {
    const s = await server();
    await seedModel(s, 'cache-own-write', 3);
    await setStage(s, 'cache-own-write', '1', 'PRODUCTION');
    for (const version of ['2', '3', '1', '2', '3']) {
      expect(await holder(s, 'cache-own-write')).not.toBeNull(); // warm
      const data = await s.ok(PromoteAndReadBackDocument, { name: 'cache-own-write', version });
      if (data.setStage.__typename !== 'SetStageSuccess') throw new Error(data.setStage.__typename);
      expect(data.setStage.modelVersion.model.version?.number).toBe(Number(version));
    }
  });

  it('a token revoked through one instance is refused by the next request through another', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const a = await server({ databaseUrl: database.url });
    const b = await server({ databaseUrl: database.url });
    await seedModel(a, 'cache-revoked', 1);
    await setStage(a, 'cache-revoked', '1', 'PRODUCTION');
    for (let i = 0; i < 10; i += 1) {
      const { token, apiToken } = await readToken(a, `cache-reader-${i}`);
      expect(await holder(b, 'cache-revoked', token)).toBe(1); // B now holds the token in its cache
      await a.ok(RevokeTokenDocument, { id: apiToken.id });
      const refused = await b.gql(CachedHolderDocument, { name: 'cache-revoked', stage: 'PRODUCTION' }, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a token revoked through one instance is refused by the next operation on an open websocket to another', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const a = await server({ databaseUrl: database.url });
    const b = await server({ databaseUrl: database.url });
    await seedModel(a, 'cache-revoked-ws', 1);
    await setStage(a, 'cache-revoked-ws', '1', 'PRODUCTION');
    for (let i = 0; i < 5; i += 1) {
      const { token, apiToken } = await readToken(a, `cache-ws-reader-${i}`);
      const socket = await openSocket(b, token); // B authenticated the token: it is in B's cache
      const query = String(CachedHolderDocument);
      const variables = { name: 'cache-revoked-ws', stage: 'PRODUCTION' };
      expect(await socket.operation(query, variables)).toEqual({ type: 'next', data: { modelVersion: { number: 1 } } });
      await a.ok(RevokeTokenDocument, { id: apiToken.id });
      const refused = await socket.operation(query, variables);
      expect(refused.type).toBe('error');
      expect(JSON.stringify(refused)).toContain('UNAUTHENTICATED');
      socket.close();
    }
  });

  it('a LISTEN connection that stops answering is given up: reads go to PostgreSQL, then LISTEN comes back', async (test) => {
    const s = await server();
    await seedModel(s, 'cache-stalled', 2);
    await setStage(s, 'cache-stalled', '1', 'PRODUCTION');
    expect(await holder(s, 'cache-stalled')).toBe(1);
    const stalled = s.app.listener.backendPid!;
    // The backend of the LISTEN connection is frozen, not closed: its socket stays open and
    // silent, as after a network failure that nobody reported.
    try {
      process.kill(stalled, 'SIGSTOP');
    } catch (error) {
      // Another user's PostgreSQL (a shared server, not as root): its backends cannot be signalled.
      if ((error as NodeJS.ErrnoException).code === 'EPERM') return test.skip();
      throw error;
    }
    try {
      const before = await counters(s);
      const started = Date.now();
      // The first operation waits out the barrier's 2 s timeout, which gives the connection up;
      // until LISTEN is back, operations read PostgreSQL without waiting.
      await setStage(s, 'cache-stalled', '2', 'PRODUCTION', true);
      expect(await holder(s, 'cache-stalled')).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect((await counters(s)).failedBarriers).toBeGreaterThan(before.failedBarriers);
      const deadline = Date.now() + 10_000;
      while ((s.app.listener.backendPid ?? stalled) === stalled && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(s.app.listener.backendPid).toBeDefined();
      expect(s.app.listener.backendPid).not.toBe(stalled);
    } finally {
      process.kill(stalled, 'SIGCONT');
    }
    // On the new connection, reads are fast and fresh again.
    await setStage(s, 'cache-stalled', '1', 'PRODUCTION', true);
    const started = Date.now();
    expect(await holder(s, 'cache-stalled')).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('keeps at most MODELSTAGE_READ_CACHE_MODELS models, and none with 0', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const small = await server({ databaseUrl: database.url, readCacheModels: 2 });
    const off = await server({ databaseUrl: database.url, readCacheModels: 0 });
    for (let i = 1; i <= 5; i += 1) {
      await seedModel(small, `cache-bound-${i}`, i);
      await setStage(small, `cache-bound-${i}`, String(i), 'PRODUCTION');
    }
    for (let round = 0; round < 2; round += 1) {
      for (let i = 1; i <= 5; i += 1) {
        expect(await holder(small, `cache-bound-${i}`)).toBe(i);
        expect(await holder(off, `cache-bound-${i}`)).toBe(i);
      }
    }
    expect((await counters(small)).models).toBeLessThanOrEqual(2);
    const unused = await counters(off);
    expect(unused.hits + unused.joined + unused.misses).toBe(0);
    expect(() => loadConfig({ MODELSTAGE_READ_CACHE_MODELS: 'many' })).toThrow(/MODELSTAGE_READ_CACHE_MODELS/);
    expect(() => loadConfig({ MODELSTAGE_READ_CACHE_MODELS: '-1' })).toThrow(/MODELSTAGE_READ_CACHE_MODELS/);
    expect(loadConfig({ MODELSTAGE_READ_CACHE_MODELS: '0' }).readCacheModels).toBe(0);
  });
});
