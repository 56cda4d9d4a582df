import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freshDatabase } from './support/database.js';
import { SET_STAGE } from './support/fixtures.js';
import { spawnServer } from './support/process.js';
import { sseSubscribe } from './support/subscribers.js';

const TOKEN = 'mst_shutdown_test_admin_token_0123456789abcdef';
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('SIGTERM', () => {
  it('lets an in-flight promotion finish, closes websockets with 1001, ends SSE streams, and exits 0', async () => {
    const database = await freshDatabase();
    drops.push(database.drop);
    const server = await spawnServer({ DATABASE_URL: database.url, MODELSTAGE_ADMIN_TOKEN: TOKEN });
    await post(server.url, 'mutation { createModel(name: "inflight") { __typename } }');
    await post(server.url, 'mutation { createModelVersion(model: "inflight") { __typename } }');

    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closeCode = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
    const sse = await sseSubscribe(server.url, { name: 'inflight' }, TOKEN);

    // Hold the model's row lock so that the promotion is still running when SIGTERM arrives.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(`select * from model where name = 'inflight' for update`);
    const promotion = post(server.url, SET_STAGE, { name: 'inflight', version: '1', stage: 'PRODUCTION', force: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stoppedAt = Date.now();
    const exited = server.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await blocker.query('commit');
    await blocker.end();

    const result = await promotion;
    expect(result.errors, server.output()).toBeUndefined();
    expect(result.data.setStage.__typename).toBe('SetStageSuccess');
    expect(await closeCode).toBe(1001);
    expect(await exited).toBe(0);
    // The SSE stream was ended by the server, not left hanging until a timeout.
    expect(sse.completed).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(8_000);
  });
});
