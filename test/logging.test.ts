import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../src/db/embedded.js';
import { freshDatabase } from './support/database.js';
import { spawnServer, type ServerProcess } from './support/process.js';

const ADMIN = 'mst_logging_test_admin_token_0123456789abcdef';
const MODEL = 'zq-log-secret-model-4d1e';
const TOKEN_NAME = 'zq-log-token-name-8b20';

interface LogLine {
  time: string;
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** Every line of standard output, each parsed as JSON (the test fails on one that is not). */
function logLines(server: ServerProcess): LogLine[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { requestId: response.headers.get('x-request-id'), json: (await response.json()) as { data?: any; errors?: any[] } };
}

async function wsQuery(url: string, token: string, query: string): Promise<unknown> {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
  try {
    return await new Promise((resolve, reject) => {
      let result: unknown;
      client.subscribe({ query }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
    });
  } finally {
    await client.dispose();
  }
}

describe('logs', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await freshDatabase();
    server = await spawnServer({ DATABASE_URL: database.url, MODELSTAGE_ADMIN_TOKEN: ADMIN, LOG_LEVEL: '' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('writes one JSON line per GraphQL request, with its id, operation, duration, actor and outcome, and never a secret', async () => {
    const created = await post(
      server.url,
      { query: 'mutation MakeToken($name: String!) { createApiToken(name: $name, scopes: [WRITE]) { ... on CreateApiTokenSuccess { token } } }', variables: { name: TOKEN_NAME } },
      { authorization: `Bearer ${ADMIN}` },
    );
    const token = created.json.data.createApiToken.token as string;
    expect(token).toMatch(/^mst_/);

    const named = await post(
      server.url,
      { query: 'mutation RegisterModel($name: String!) { createModel(name: $name, description: "zq-doc-text") { __typename } }', variables: { name: MODEL } },
      { authorization: `Bearer ${token}`, 'x-request-id': 'req-logging-42' },
    );
    expect(named.json.data.createModel.__typename).toBe('CreateModelSuccess');
    expect(named.requestId).toBe('req-logging-42');

    const generated = await post(server.url, { query: 'query ListModels { models(first: 5) { edges { node { name } } } }' }, { authorization: `Bearer ${token}` });
    expect(generated.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await post(server.url, { query: 'query Refused { models(first: 1) { edges { node { name } } } }' }, { authorization: 'Bearer mst_not_a_real_token' });
    expect(refused.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A client's id that is not a plain token is replaced, not echoed into the log.
    const odd = await post(server.url, { query: '{ __typename }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'has spaces and "quotes"' });
    expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await wsQuery(server.url, token, 'query OverSocket { models(first: 1) { edges { node { name } } } }')).toMatchObject({ data: { models: {} } });
    expect((await fetch(server.url.replace(/graphql$/, 'health'))).status).toBe(200);

    await vi.waitFor(() => expect(logLines(server).filter((line) => line.msg === 'request')).toHaveLength(6));
    const lines = logLines(server);
    for (const line of lines) {
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.msg).toBe('string');
    }
    const requests = lines.filter((line) => line.msg === 'request');
    const byOperation = Object.fromEntries(requests.map((line) => [String(line.operationName), line]));
    expect(byOperation.MakeToken).toMatchObject({ level: 'info', actor: 'admin', operationType: 'mutation', outcome: 'ok', status: 200 });
    expect(byOperation.RegisterModel).toMatchObject({
      requestId: 'req-logging-42',
      transport: 'http',
      method: 'POST',
      path: '/graphql',
      operationType: 'mutation',
      actor: TOKEN_NAME,
      outcome: 'ok',
    });
    expect(byOperation.RegisterModel!.durationMs).toBeTypeOf('number');
    expect(byOperation.ListModels).toMatchObject({ requestId: generated.requestId, actor: TOKEN_NAME });
    expect(byOperation.Refused).toMatchObject({ actor: null, outcome: 'error', errors: ['UNAUTHENTICATED'], status: 401 });
    expect(byOperation.OverSocket).toMatchObject({ transport: 'ws', actor: TOKEN_NAME, operationType: 'query', outcome: 'ok' });
    expect(requests.find((line) => line.operationName === null)).toMatchObject({ requestId: odd.requestId });
    // Health checks only at debug.
    expect(requests.some((line) => line.path === '/health')).toBe(false);

    const everything = server.stdout();
    for (const secret of [ADMIN, token, 'mst_not_a_real_token', MODEL, 'zq-doc-text', 'createModel(', 'variables']) {
      expect(everything, secret).not.toContain(secret);
    }
  });

  it('writes only what LOG_LEVEL lets through', async () => {
    // At warn even the "serving" line stays out, so the start is seen on /health instead.
    const port = await freePort();
    const quiet = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: database.url, MODELSTAGE_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    quiet.stdout.on('data', (chunk) => (stdout += chunk));
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      await vi.waitFor(async () => expect((await fetch(url.replace(/graphql$/, 'health'))).status).toBe(200), { timeout: 30_000, interval: 200 });
      await post(url, { query: 'query Quiet { __typename }' }, { authorization: `Bearer ${ADMIN}` });
      await post(url, { query: 'query Refused { __typename }' }, { authorization: 'Bearer mst_wrong' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stdout).toBe('');
    } finally {
      quiet.kill('SIGTERM');
      await once(quiet, 'exit');
    }
  });
});

describe('logs with the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-logging-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("wraps PostgreSQL's own output in the same JSON lines, and prints the first admin token on stderr only", async () => {
    const server = await spawnServer({ MODELSTAGE_DATA_DIR: dataDir, DATABASE_URL: '', MODELSTAGE_ADMIN_TOKEN: '', LOG_LEVEL: 'debug' });
    try {
      expect((await fetch(server.url.replace(/graphql$/, 'health'))).status).toBe(200);
      await vi.waitFor(() => expect(logLines(server).some((line) => line.path === '/health' && line.level === 'debug')).toBe(true));
      const lines = logLines(server);
      const postgres = lines.filter((line) => line.component === 'postgres');
      expect(postgres.length).toBeGreaterThan(0);
      expect(postgres.some((line) => /database system is ready/.test(line.msg))).toBe(true);
      const token = /(mst_[A-Za-z0-9_-]{43})/.exec(server.output())?.[1];
      expect(token).toBeDefined();
      expect(server.stdout()).not.toContain(token!);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
