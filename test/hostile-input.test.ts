import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as generated from '../src/client/generated/graphql.js';
import type { App } from '../src/server/app.js';
import { sql } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { post } from './support/transport.js';

const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** Traces of internals that no answer may carry. */
const LEAKS = [/\n\s*at /, /\bat [\w.<>]+ \(/, /\.(ts|js):\d+/, /\b(select|insert into|update|delete from)\s+["\w]/i, /mst_\w/, /did you mean/i];

let server: TestServer;
const logLines: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ log: (line) => logLines.push(line) });
  await seedModel(server, 'hostile', 3);
  await setStage(server, 'hostile', '1', 'STAGING');
});
afterAll(() => server?.stop());

/** Counts the SQL statements the server's ORM sends (the feed's safety poll is stopped so it adds none). */
async function countStatements(app: App): Promise<{ readonly count: number }> {
  // Every reader that runs SQL on a timer stops first (the feeds' safety polls, the webhook
  // dispatcher), so that what is counted is what the requests under test run.
  app.live.endStreams();
  await app.dispatcher.stop();
  const connection = app.orm.em.getConnection();
  const execute = connection.execute.bind(connection);
  const counter = { count: 0 };
  connection.execute = ((...args: Parameters<typeof execute>) => {
    counter.count += 1;
    return execute(...args);
  }) as typeof connection.execute;
  return counter;
}

const nest = (levels: number, inner: string) =>
  Array.from({ length: levels }).reduce<string>((body) => `versions(first: 1) { edges { node { model { ${body} } } } }`, inner);

describe('attacks on the shape of a document', () => {
  let statements: { readonly count: number };
  beforeAll(async () => {
    statements = await countStatements(server.app);
    // Warm up: the first request of a process is slow for reasons that are not under test.
    for (const query of ['{ viewer { name } }', '{ a { b } }']) await post(server.url, { query }, ADMIN);
  });

  /** Connections nested `levels` deep, each asking for `first` (a literal, a variable or nothing). */
  const pages = (levels: number, first: string) =>
    Array.from({ length: levels }).reduce<string>((body) => `versions${first} { edges { node { model { ${body} } } } }`, 'name');
  const attacks: [string, string | object][] = [
    ['depth', `{ model(name: "hostile") { ${nest(8, 'name')} } }`],
    ['aliases', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: models { edges { node { name } } }`).join(' ')} }`],
    ['tokens', `{ models { edges { node { ${'name '.repeat(5_000)} } } } }`],
    ['directives', `{ models ${'@include(if: true) '.repeat(100)} { edges { node { name } } } }`],
    ['cost, pages of 100', `{ models(first: 100) { edges { node { ${pages(2, '(first: 100)')} } } } }`],
    ['cost, pages of 100 in variables', { query: `query($n: Int) { models(first: $n) { edges { node { ${pages(2, '(first: $n)')} } } } }`, variables: { n: 100 } }],
    ['cost, default pages under aliases', `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: models { edges { node { ${pages(2, '')} } } }`).join(' ')} }`],
    ['cost, in a subscription', `subscription { stageChanged { model { ${pages(3, '(first: 100)')} } } }`],
  ];

  it.each(attacks)('%s: refused before any SQL, in well under 100 ms', async (_name, attack) => {
    const before = statements.count;
    const body = typeof attack === 'string' ? { query: attack } : attack;
    // Wall time on two shared cores measures the other test files as much as this server, so the
    // bound is on the CPU time this process (server and client both) spends per refusal: on a quiet
    // machine that is the answer's latency, and contention cannot inflate it. Fastest of five.
    const responses = [];
    const cpuMs = [];
    for (let run = 0; run < 5; run += 1) {
      const started = process.cpuUsage();
      responses.push(await post(server.url, body, ADMIN));
      const spent = process.cpuUsage(started);
      cpuMs.push((spent.user + spent.system) / 1000);
    }
    const wallMs = responses.map((response) => Math.round(response.ms));
    expect(Math.min(...cpuMs), `CPU ms ${cpuMs.map(Math.round)}, wall ms ${wallMs}`).toBeLessThan(50);
    expect(statements.count - before).toBe(0);
    const [response] = responses;
    expect(response!.status).toBeLessThan(500);
    expect(response!.json.data ?? null).toBeNull();
    expect(response!.json.errors?.length).toBeGreaterThan(0);
    for (const leak of LEAKS) expect(response!.text).not.toMatch(leak);
  });

  it("lets the project's own client queries through, at the largest page size", async () => {
    const queries = Object.entries(generated).filter(([name, document]) => name.endsWith('Document') && String(document).trimStart().startsWith('query'));
    expect(queries.length).toBeGreaterThan(5);
    for (const [name, document] of queries) {
      // The ledger's queries also need a stage (and holderAt an instant).
      const ledger = ['HolderAtDocument', 'StagePeriodsDocument'].includes(name) ? { stage: 'PRODUCTION', at: new Date().toISOString() } : {};
      const variables = { name: 'hostile', version: '1', first: 100, id: 'TW9kZWw6MQ', ...ledger };
      const response = await post(server.url, { query: String(document), variables }, ADMIN);
      expect({ name, errors: response.json.errors }).toEqual({ name, errors: undefined });
    }
  });

  it('counts statements (a plain query does run SQL)', async () => {
    const before = statements.count;
    const response = await post(server.url, { query: '{ models(first: 100) { edges { node { name versions(first: 20) { edges { node { name } } } } } } }' }, ADMIN);
    expect(response.json.errors).toBeUndefined();
    expect(statements.count).toBeGreaterThan(before);
  });

  it('refuses a body over 1 MiB with 413, with or without a Content-Length', async () => {
    const query = `{ viewer { name } } # ${'x'.repeat(1024 * 1024)}`;
    const before = statements.count;
    const sized = await post(server.url, { query }, ADMIN);
    expect(sized.status).toBe(413);
    const chunks = [JSON.stringify({ query }).slice(0, 600_000), JSON.stringify({ query }).slice(600_000)];
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ADMIN },
      body: new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(new TextEncoder().encode(chunks.shift())) : controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(statements.count - before).toBe(0);
  });
});

describe('bad arguments get typed errors, never internal ones', () => {
  const VERSION = 'mutation($m: String!, $md: JSON, $tags: [String!]) { createModelVersion(model: $m, metadata: $md, tags: $tags) { __typename ... on ValidationError { field } } }';
  // As JSON text: too deep for JSON.stringify on this side.
  const deep = (levels: number) => `{"m":"hostile","md":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
  const cases: [string, string, Record<string, unknown> | string, { typename?: [string, string]; code?: string }][] = [
    ['a 100,000-character name', 'mutation($n: String!) { createModel(name: $n) { __typename ... on ValidationError { field } } }', { n: 'n'.repeat(100_000) }, { typename: ['createModel', 'name'] }],
    ['10,000 tags', VERSION, { m: 'hostile', tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) }, { typename: ['createModelVersion', 'tags'] }],
    ['900 KB of metadata', VERSION, { m: 'hostile', md: { blob: 'x'.repeat(900_000) } }, { typename: ['createModelVersion', 'metadata'] }],
    ['metadata nested 20,000 deep', VERSION, deep(20_000), { typename: ['createModelVersion', 'metadata'] }],
    ['first: 2^31', 'query($f: Int) { models(first: $f) { edges { cursor } } }', { f: 2 ** 31 }, { code: 'BAD_USER_INPUT' }],
    ['first: 1e300', '{ models(first: 1e300) { edges { cursor } } }', {}, { code: 'GRAPHQL_VALIDATION_FAILED' }],
    ['first: 0', '{ models(first: 0) { edges { cursor } } }', {}, { code: 'BAD_USER_INPUT' }],
    ['first: -2147483648', '{ stageChanges(first: -2147483648) { edges { cursor } } }', {}, { code: 'BAD_USER_INPUT' }],
    ['first as a string', 'query($f: Int) { models(first: $f) { edges { cursor } } }', { f: 'ten' }, { code: 'BAD_USER_INPUT' }],
    ['a 100,000-character cursor', 'query($a: String) { models(after: $a) { edges { cursor } } }', { a: 'A'.repeat(100_000) }, { code: 'BAD_USER_INPUT' }],
    ['a unicode cursor', 'query($a: String) { models(after: $a) { edges { cursor } } }', { a: '\u0000\ud800💥' }, { code: 'BAD_USER_INPUT' }],
    ['a log cursor past bigint', 'query($a: String) { stageChanges(after: $a) { edges { cursor } } }', { a: '9'.repeat(19) }, { code: 'BAD_USER_INPUT' }],
    ['a version number past int', '{ modelVersion(name: "hostile", version: "99999999999999999999") { number } }', {}, {}],
    ['a cursor of another list', 'query($a: String) { model(name: "hostile") { versions(after: $a) { edges { cursor } } } }', { a: 'bW9kZWw6aG9zdGlsZQ' }, { code: 'BAD_USER_INPUT' }],
    ['both version and stage', '{ modelVersion(name: "hostile", version: "1", stage: STAGING) { number } }', {}, { code: 'BAD_USER_INPUT' }],
    ['U+0000 in a lookup', 'mutation($n: String!) { setStage(name: $n, version: "1", stage: STAGING) { __typename ... on ValidationError { field } } }', { n: 'hos\u0000tile' }, { typename: ['setStage', 'name'] }],
    ['U+0000 in a description', 'mutation($d: String) { createModel(name: "nul", description: $d) { __typename ... on ValidationError { field } } }', { d: 'a\u0000b' }, { typename: ['createModel', 'description'] }],
    ['U+0000 in metadata', VERSION, { m: 'hostile', md: { ['k\u0000']: 1 } }, { typename: ['createModelVersion', 'metadata'] }],
    // JavaScript reads these as instants, PostgreSQL cannot store them: the scalar refuses them.
    ['holderAt in year 0000', '{ model(name: "hostile") { holderAt(stage: STAGING, at: "0000-01-01T00:00:00Z") { number } } }', {}, { code: 'GRAPHQL_VALIDATION_FAILED' }],
    ['holderAt in year +275760', 'query($at: DateTime!) { model(name: "hostile") { holderAt(stage: STAGING, at: $at) { number } } }', { at: '+275760-09-13T00:00:00.000Z' }, { code: 'BAD_USER_INPUT' }],
    ['holderAt in year 0001 (the earliest allowed)', '{ model(name: "hostile") { holderAt(stage: STAGING, at: "0001-01-01T00:00:00Z") { number } } }', {}, {}],
    ['holderAt in year 9999 (the latest allowed)', '{ model(name: "hostile") { holderAt(stage: STAGING, at: "9999-12-31T23:59:59.999Z") { number } } }', {}, {}],
    ['a global id that is garbage', 'query($id: ID!) { node(id: $id) { id } }', { id: '💥'.repeat(1000) }, {}],
  ];

  it.each(cases)('%s', async (_label, query, variables, expected) => {
    const body = `{"query":${JSON.stringify(query)},"variables":${typeof variables === 'string' ? variables : JSON.stringify(variables)}}`;
    const response = await post(server.url, body, ADMIN);
    expect(response.status).toBeLessThan(500);
    for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
    const codes = (response.json.errors ?? []).map((error: any) => error.extensions?.code);
    if (expected.code) expect(codes).toEqual([expected.code]);
    else expect(codes).toEqual([]);
    if (expected.typename) {
      const [field, argument] = expected.typename;
      expect(response.json.data[field]).toEqual({ __typename: 'ValidationError', field: argument });
    }
  });
});

describe('error messages', () => {
  it.each([
    ['a misspelt field', '{ modls { edges { cursor } } }'],
    ['a misspelt nested field', '{ model(name: "hostile") { nme } }'],
    ['a misspelt argument', '{ models(frist: 1) { edges { cursor } } }'],
    ['a misspelt enum literal', 'mutation { setStage(name: "hostile", version: "1", stage: PRODUCTON) { __typename } }'],
    ['a misspelt enum in variables', { query: 'mutation($s: [Scope!]!) { createApiToken(name: "x", scopes: $s) { __typename } }', variables: { s: ['read'] } }],
    ['a misspelt type', 'query($s: ModelStag) { models { edges { cursor } } }'],
    ['a fragment on the wrong type', '{ models { edges { node { ... on ModelVersio { name } } } } }'],
  ])('suggest nothing for %s', async (_label, body) => {
    const response = await post(server.url, typeof body === 'string' ? { query: body } : body, ADMIN);
    expect(response.json.errors?.length).toBeGreaterThan(0);
    expect(response.text).not.toMatch(/did you mean/i);
  });

  it('mask an unexpected failure: no stack, SQL or secret reaches the client or the log', async () => {
    logLines.length = 0;
    await sql(server.databaseUrl, 'alter table model rename to model_gone');
    try {
      const response = await post(server.url, { query: '{ models { edges { node { name description } } } }' }, ADMIN);
      expect(response.json.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^Unexpected error \(reference \w+\)\.$/), extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
    } finally {
      await sql(server.databaseUrl, 'alter table model_gone rename to model');
    }
    expect(logLines.join('\n')).toMatch(/unexpected error \w+/);
    for (const leak of LEAKS) expect(logLines.join('\n')).not.toMatch(leak);
  });

  it('never echo a token, in answers or the log', async () => {
    logLines.length = 0;
    const secret = 'mst_' + 'S'.repeat(43);
    for (const header of [`Bearer ${secret}`, `Bearer ${secret} extra`, secret]) {
      const response = await post(server.url, { query: '{ viewer { name } }' }, { authorization: header });
      expect(response.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.text).not.toContain('SSSS');
    }
    expect(logLines.join('\n')).not.toContain('SSSS');
  });
});

/** A POST from a chosen loopback address (all of 127/8 reaches the server on 127.0.0.1). */
function postFrom(localAddress: string, url: string, token: string | undefined): Promise<{ status: number; body: any; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text), retryAfter: response.headers['retry-after'] as string | undefined }));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ query: '{ viewer { name } }' }));
  });
}

describe('brute force and browsers', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ maxAuthFailures: 5, corsOrigins: ['https://app.example'] });
  });
  afterAll(() => guarded?.stop());

  it('rate-limits failed authentications per address, never a valid token', async () => {
    const used = await guarded.token(['READ'], 'used-before');
    const unused = await guarded.token(['READ'], 'never-used');
    expect((await postFrom('127.0.0.1', guarded.url, used)).body.data).toEqual({ viewer: { name: 'used-before' } });
    const statements = await countStatements(guarded.app);

    const answers = [];
    for (let i = 0; i < 8; i += 1) {
      const { status, body } = await postFrom('127.0.0.1', guarded.url, `mst_guess${i}`);
      answers.push([status, body.errors[0].extensions.code, body.errors[0].extensions.reason ?? null]);
    }
    // Still UNAUTHENTICATED (the contract's code), but 429 with the reason once blocked.
    expect(answers).toEqual([...Array(5).fill([401, 'UNAUTHENTICATED', null]), ...Array(3).fill([429, 'UNAUTHENTICATED', 'RATE_LIMITED'])]);
    const limited = await postFrom('127.0.0.1', guarded.url, 'mst_another_guess');
    expect(limited).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
    const before = statements.count;
    await postFrom('127.0.0.1', guarded.url, 'mst_yet_another_guess');
    expect(statements.count).toBe(before); // a blocked address gets no lookup...
    const shaped = await postFrom('127.0.0.1', guarded.url, `mst_${'x'.repeat(43)}`);
    expect(shaped.body.errors[0].extensions.reason).toBe('RATE_LIMITED'); // ...but for secrets shaped like ours

    // Valid tokens from the same address keep working, whether seen before or not.
    expect((await postFrom('127.0.0.1', guarded.url, used)).body.data).toEqual({ viewer: { name: 'used-before' } });
    expect((await postFrom('127.0.0.1', guarded.url, unused)).body.data).toEqual({ viewer: { name: 'never-used' } });
    // The environment's admin token works from the blocked address even with the token cache
    // emptied (a revocation empties it): its operators are never locked out.
    await guarded.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', {
      id: (await guarded.ok<any>('{ apiTokens { id name } }')).apiTokens.find((t: { name: string }) => t.name === 'never-used').id,
    });
    expect((await postFrom('127.0.0.1', guarded.url, ADMIN_TOKEN)).body.data).toEqual({ viewer: { name: 'admin' } });
    // Other addresses are not affected.
    expect((await postFrom('127.0.0.2', guarded.url, 'mst_guess')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Websockets count too: the blocked address is refused.
    const socket = new WebSocket(guarded.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer mst_ws_guess' } })));
    expect([4401, 4403]).toContain(await closed);
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('allows listed origins only (CORS)', async () => {
    const allowed = await preflight(guarded.url, 'https://app.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const foreign = await preflight(guarded.url, 'https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(guarded.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json', ...ADMIN }, body: '{"query":"{ viewer { name } }"}' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const listed = await fetch(guarded.url, { method: 'POST', headers: { origin: 'https://app.example', 'content-type': 'application/json', ...ADMIN }, body: '{"query":"{ viewer { name } }"}' });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it('by default allows no other origin', async () => {
    const response = await preflight(server.url, 'https://app.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  const upgrade = (url: string, origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', origin ? { origin } : {});
      socket.on('open', () => {
        socket.close();
        resolve('open');
      });
      socket.on('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
      socket.on('error', () => resolve('error'));
    });

  it('refuses websocket upgrades from foreign origins', async () => {
    expect(await upgrade(guarded.wsUrl, 'https://evil.example')).toMatch(/^refused 4\d\d$/);
    expect(await upgrade(guarded.wsUrl, 'null')).toMatch(/^refused 4\d\d$/);
    expect(await upgrade(server.wsUrl, 'https://app.example')).toMatch(/^refused 4\d\d$/);
    expect(await upgrade(guarded.wsUrl, 'https://app.example')).toBe('open');
    expect(await upgrade(guarded.wsUrl)).toBe('open');
    expect(await upgrade(server.wsUrl, new URL(server.url).origin)).toBe('open');
  });
});
