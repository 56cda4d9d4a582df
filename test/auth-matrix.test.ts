import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SET_STAGE, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { subscribe, type Subscriber } from './support/subscribers.js';
import { openDigest, post } from './support/transport.js';
import { lowercase, SCOPES as SCOPE_NAMES, type Scope as ScopeName } from '../src/vocabulary.js';

/** Every scope includes the ones before it. */
const SCOPES = SCOPE_NAMES.map(lowercase);
type Scope = Lowercase<ScopeName>;

let server: TestServer;
const secrets = {} as Record<Scope | 'revoked' | Limit, string>;
/**
 * Tokens limited to models: `here` may change every model the matrix writes to, `elsewhere` none
 * of them (its `%` and `_` are plain characters, so they match nothing here either).
 */
const LIMITS = { here: ['m-*', 'created-*', 'matrix-*'], elsewhere: ['elsewhere', 'm%', 'm_*', 'created_%', '*-seedx'] } as const;
type Limit = keyof typeof LIMITS;
const SEED = 'matrix-seed';
let seedId = '';
let digest: Awaited<ReturnType<typeof openDigest>>;
let unique = 0;
const fresh = (prefix: string) => `${prefix}-${++unique}`;

/** A model of its own for one call, with `versions` versions; optionally version 1 moved to `stage`. */
async function freshModel(versions = 1, stage?: string): Promise<string> {
  const name = await seedModel(server, fresh('m'), versions);
  if (stage) expect((await setStage(server, name, '1', stage)).__typename).toBe('SetStageSuccess');
  return name;
}

/** A fresh model whose PRODUCTION needs one approval, with a request (by the admin token) to move version 1 there. */
async function openRequest(): Promise<{ name: string; id: string }> {
  const name = await freshModel(1);
  await server.ok('mutation($name: String!) { setStagePolicy(model: $name, stage: PRODUCTION, requiredApprovals: 1) { __typename } }', { name });
  const asked = await server.ok<any>('mutation($name: String!) { requestPromotion(name: $name, version: "1", stage: PRODUCTION) { ... on RequestPromotionSuccess { request { id } } } }', { name });
  return { name, id: asked.requestPromotion.request.id };
}

beforeAll(async () => {
  // The matrix sends many bad tokens from one address: keep the brute-force guard out of its way.
  server = await startTestServer({ maxAuthFailures: 100_000 });
  for (const scope of SCOPES) secrets[scope] = await server.token([scope.toUpperCase()], `matrix-${scope}`);
  for (const limit of Object.keys(LIMITS) as Limit[]) secrets[limit] = await server.token(['ADMIN'], `matrix-limited-${limit}`, [...LIMITS[limit]]);
  await seedModel(server, SEED, 2);
  await setStage(server, SEED, '1', 'STAGING');
  seedId = (await server.ok<{ model: { id: string } }>('{ model(name: "matrix-seed") { id } }')).model.id;

  // Used once (so it sits in the token cache), then revoked.
  secrets.revoked = await server.token(['ADMIN'], 'matrix-revoked');
  expect((await server.gql('{ viewer { name } }', {}, secrets.revoked)).errors).toBeUndefined();
  const tokens = await server.ok<{ apiTokens: { id: string; name: string }[] }>('{ apiTokens { id name } }');
  const revokedId = tokens.apiTokens.find((token) => token.name === 'matrix-revoked')!.id;
  await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: revokedId });
  digest = await openDigest(server.databaseUrl);
});
afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

interface Credential {
  name: string;
  /** The Authorization header, or undefined for none. */
  header: () => string | undefined;
  /** The scope the credential holds; undefined when it must not authenticate at all. */
  scope?: Scope;
  /** Limited to models: to the ones the operations change, or to others. */
  limit?: Limit;
}

const CREDENTIALS: Credential[] = [
  { name: 'no token', header: () => undefined },
  { name: 'a malformed header', header: () => 'Bearer two words' },
  { name: 'another scheme', header: () => `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  { name: 'an unknown token', header: () => `Bearer mst_${randomBytes(32).toString('base64url')}` },
  { name: 'a revoked token', header: () => `Bearer ${secrets.revoked}` },
  ...SCOPES.map((scope): Credential => ({ name: `a ${scope} token`, header: () => `Bearer ${secrets[scope]}`, scope })),
  ...(Object.keys(LIMITS) as Limit[]).map((limit): Credential => ({ name: `an admin token limited to models ${limit}`, header: () => `Bearer ${secrets[limit]}`, scope: 'admin', limit })),
];

interface Operation {
  name: string;
  /** The least scope that may run it. */
  needs: Scope;
  /** A write on one model (a token limited to other models is refused), or one that needs a token limited to none. */
  changes?: 'model' | 'any model';
  query: string;
  /** Prepares what one call needs (as admin) and returns its variables. */
  variables?: () => Promise<Record<string, unknown>>;
  /** What `data` holds when the call succeeds. */
  succeeds: Record<string, unknown>;
}

const success = (field: string, typename: string) => ({ [field]: { __typename: typename } });
const stageMove = (to: string, force: boolean, from?: string): Operation => ({
  name: `setStage to ${to}${force ? ' with force' : ''}${from ? ` from ${from}` : ''}`,
  needs: to === 'PRODUCTION' || force ? 'promote' : 'write',
  changes: 'model',
  query: SET_STAGE,
  variables: async () => ({ name: await freshModel(1, from), version: '1', stage: to, force }),
  succeeds: { setStage: { __typename: 'SetStageSuccess', modelVersion: { stage: to } } },
});

const OPERATIONS: Operation[] = [
  { name: 'introspection', needs: 'read', query: '{ __schema { queryType { name } } }', succeeds: { __schema: { queryType: { name: 'Query' } } } },
  { name: 'viewer', needs: 'read', query: '{ viewer { name } }', succeeds: { viewer: { name: expect.stringMatching(/^matrix-/) } } },
  {
    name: 'node',
    needs: 'read',
    query: 'query($id: ID!) { node(id: $id) { ... on Model { name } } }',
    variables: async () => ({ id: seedId }),
    succeeds: { node: { name: SEED } },
  },
  { name: 'model', needs: 'read', query: `{ model(name: "${SEED}") { name version(stage: STAGING) { number } } }`, succeeds: { model: { name: SEED, version: { number: 1 } } } },
  { name: 'models', needs: 'read', query: '{ models(first: 100) { edges { node { name } } } }', succeeds: { models: { edges: expect.arrayContaining([{ node: { name: SEED } }]) } } },
  { name: 'modelVersion', needs: 'read', query: `{ modelVersion(name: "${SEED}", version: "2") { number stage } }`, succeeds: { modelVersion: { number: 2, stage: 'NONE' } } },
  { name: 'stageChanges', needs: 'read', query: `{ stageChanges(model: "${SEED}") { edges { node { to actor } } } }`, succeeds: { stageChanges: { edges: [{ node: { to: 'STAGING', actor: 'admin' } }] } } },
  { name: 'apiTokens', needs: 'admin', query: '{ apiTokens { name } }', succeeds: { apiTokens: expect.arrayContaining([{ name: 'matrix-revoked' }]) } },
  {
    name: 'createModel',
    needs: 'write',
    changes: 'model',
    query: 'mutation($name: String!) { createModel(name: $name, tags: ["x"]) { __typename } }',
    variables: async () => ({ name: fresh('created') }),
    succeeds: success('createModel', 'CreateModelSuccess'),
  },
  {
    name: 'updateModel',
    needs: 'write',
    changes: 'model',
    query: 'mutation($name: String!) { updateModel(name: $name, description: "changed") { __typename } }',
    variables: async () => ({ name: await freshModel(0) }),
    succeeds: success('updateModel', 'UpdateModelSuccess'),
  },
  {
    name: 'deleteModel',
    needs: 'write',
    changes: 'model',
    query: 'mutation($name: String!) { deleteModel(name: $name) { __typename } }',
    variables: async () => ({ name: await freshModel(1) }),
    succeeds: success('deleteModel', 'DeleteModelSuccess'),
  },
  {
    name: 'createModelVersion',
    needs: 'write',
    changes: 'model',
    query: 'mutation($model: String!) { createModelVersion(model: $model, metadata: { acc: 0.9 }) { __typename } }',
    variables: async () => ({ model: await freshModel(0) }),
    succeeds: success('createModelVersion', 'CreateModelVersionSuccess'),
  },
  {
    name: 'updateModelVersion',
    needs: 'write',
    changes: 'model',
    query: 'mutation($model: String!) { updateModelVersion(model: $model, version: "1", description: "changed") { __typename } }',
    variables: async () => ({ model: await freshModel(1) }),
    succeeds: success('updateModelVersion', 'UpdateModelVersionSuccess'),
  },
  {
    name: 'deleteModelVersion',
    needs: 'write',
    changes: 'model',
    query: 'mutation($model: String!) { deleteModelVersion(model: $model, version: "1") { __typename } }',
    variables: async () => ({ model: await freshModel(1) }),
    succeeds: success('deleteModelVersion', 'DeleteModelVersionSuccess'),
  },
  stageMove('STAGING', false),
  stageMove('ARCHIVED', false),
  stageMove('NONE', false, 'STAGING'),
  stageMove('PRODUCTION', false),
  stageMove('STAGING', true),
  stageMove('ARCHIVED', true),
  stageMove('NONE', true, 'PRODUCTION'),
  {
    name: 'rollbackStage',
    needs: 'promote',
    changes: 'model',
    query: 'mutation($name: String!) { rollbackStage(name: $name, stage: PRODUCTION) { __typename } }',
    variables: async () => {
      const name = await freshModel(2, 'PRODUCTION');
      expect((await setStage(server, name, '2', 'PRODUCTION', true)).__typename).toBe('SetStageSuccess');
      return { name };
    },
    succeeds: success('rollbackStage', 'SetStageSuccess'),
  },
  { name: 'promotionRequests', needs: 'read', query: '{ promotionRequests(first: 1) { edges { node { status } } } }', succeeds: { promotionRequests: { edges: expect.any(Array) } } },
  {
    name: 'setStagePolicy',
    needs: 'admin',
    changes: 'model',
    query: 'mutation($name: String!) { setStagePolicy(model: $name, stage: PRODUCTION, requiredApprovals: 2) { __typename } }',
    variables: async () => ({ name: await freshModel(0) }),
    succeeds: success('setStagePolicy', 'SetStagePolicySuccess'),
  },
  {
    name: 'requestPromotion',
    needs: 'promote',
    changes: 'model',
    query: 'mutation($name: String!) { requestPromotion(name: $name, version: "1", stage: PRODUCTION) { __typename } }',
    variables: async () => ({ name: (await openRequest()).name }),
    succeeds: success('requestPromotion', 'RequestPromotionSuccess'),
  },
  ...(['approvePromotion', 'rejectPromotion'] as const).map(
    (field): Operation => ({
      name: field,
      needs: 'promote',
      changes: 'model',
      query: `mutation($id: ID!) { ${field}(id: $id) { __typename } }`,
      variables: async () => ({ id: (await openRequest()).id }),
      succeeds: success(field, 'ReviewPromotionSuccess'),
    }),
  ),
  {
    // Let through by the scopes; refused as data, for only the requester may cancel.
    name: 'cancelPromotion',
    needs: 'write',
    changes: 'model',
    query: 'mutation($id: ID!) { cancelPromotion(id: $id) { __typename } }',
    variables: async () => ({ id: (await openRequest()).id }),
    succeeds: success('cancelPromotion', 'ReviewRefusedError'),
  },
  {
    name: 'createApiToken',
    needs: 'admin',
    changes: 'any model',
    query: 'mutation($name: String!) { createApiToken(name: $name, scopes: [READ]) { __typename } }',
    variables: async () => ({ name: fresh('token') }),
    succeeds: success('createApiToken', 'CreateApiTokenSuccess'),
  },
  {
    name: 'revokeApiToken',
    needs: 'admin',
    changes: 'any model',
    query: 'mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }',
    variables: async () => {
      const created = await server.ok<{ createApiToken: { apiToken: { id: string } } }>(
        'mutation($name: String!) { createApiToken(name: $name, scopes: [READ]) { ... on CreateApiTokenSuccess { apiToken { id } } } }',
        { name: fresh('victim') },
      );
      return { id: created.createApiToken.apiToken.id };
    },
    succeeds: success('revokeApiToken', 'RevokeApiTokenSuccess'),
  },
];

const allowed = (credential: Credential, operation: Operation) =>
  credential.scope !== undefined &&
  SCOPES.indexOf(credential.scope) >= SCOPES.indexOf(operation.needs) &&
  (credential.limit === undefined || operation.changes === undefined || (operation.changes === 'model' && credential.limit === 'here'));
const CELLS = OPERATIONS.flatMap((operation) => CREDENTIALS.map((credential) => ({ operation, credential })));

describe('the authorization matrix', () => {
  // Variables for every call, made up front: refused calls share the first set (they change
  // nothing, so it stays valid), each allowed call takes one of its own.
  const fixtures = new Map<Operation, Record<string, unknown>[]>();
  beforeAll(async () => {
    await Promise.all(
      OPERATIONS.map(async (operation) => {
        const count = 1 + CREDENTIALS.filter((credential) => allowed(credential, operation)).length;
        fixtures.set(operation, await Promise.all(Array.from({ length: count }, async () => (await operation.variables?.()) ?? {})));
      }),
    );
  });

  it.each(CELLS.map((cell) => [cell.operation.name, cell.credential.name, cell] as const))('%s with %s', async (_op, _cred, { operation, credential }) => {
    const pool = fixtures.get(operation)!;
    const variables = allowed(credential, operation) ? pool.pop()! : pool[0]!;
    const header = credential.header();
    const before = await digest.digest();
    const response = await post(server.url, { query: operation.query, variables }, header === undefined ? {} : { authorization: header });

    const refusal = credential.scope === undefined ? 'UNAUTHENTICATED' : allowed(credential, operation) ? undefined : 'FORBIDDEN';
    if (refusal === undefined) {
      expect(response.json.errors).toBeUndefined();
      expect(response.json.data).toMatchObject(operation.succeeds);
      return;
    }
    expect(response.json.errors?.map((error: any) => error.extensions?.code)).toEqual([refusal]);
    expect(response.json.data ?? null).toBeNull();
    expect(await digest.digest()).toEqual(before);
  });
});

describe('a document with several mutations', () => {
  // Mutation fields run one after another: the refusal of a later one must not leave an earlier
  // one committed. Each case is refused as a whole, before anything runs.
  const cases: [string, string, string, Record<string, unknown>][] = [
    ['a later field needs PROMOTE (literal stage)', 'write', 'mutation { a: createModel(name: "mixed-1") { __typename } b: setStage(name: "%SEED%", version: "1", stage: PRODUCTION) { __typename } }', {}],
    ['a later field needs PROMOTE (stage in a variable)', 'write', 'mutation($s: ModelStage!) { a: createModel(name: "mixed-2") { __typename } b: setStage(name: "%SEED%", version: "1", stage: $s) { __typename } }', { s: 'PRODUCTION' }],
    ['a later field needs PROMOTE (force in a variable)', 'write', 'mutation($f: Boolean) { a: createModel(name: "mixed-3") { __typename } b: setStage(name: "%SEED%", version: "1", stage: STAGING, force: $f) { __typename } }', { f: true }],
    ['a later field needs ADMIN, inside a fragment', 'promote', 'mutation { ...Both } fragment Both on Mutation { a: createModel(name: "mixed-4") { __typename } ... on Mutation { b: createApiToken(name: "mixed-4", scopes: [ADMIN]) { __typename } } }', {}],
  ];

  it.each(cases)('%s: FORBIDDEN, nothing changes', async (_name, scope, query, variables) => {
    const before = await digest.digest();
    const response = await post(server.url, { query: query.replace('%SEED%', SEED), variables }, { authorization: `Bearer ${secrets[scope as Scope]}` });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ data: null, errors: [{ path: ['b'], extensions: { code: 'FORBIDDEN' } }] });
    expect(response.json.errors).toHaveLength(1);
    expect(await digest.digest()).toEqual(before);
  });

  it('over graphql-ws too', async () => {
    const before = await digest.digest();
    const [, , query] = cases[0]!;
    const socket = subscribe('graphql-ws', server.wsUrl, query.replace('%SEED%', SEED).replace('mixed-1', 'mixed-ws'), {}, { authorization: `Bearer ${secrets.write}` });
    try {
      const outcome = await socket.next();
      expect(outcome).toMatchObject({ kind: 'error', payload: [{ path: ['b'] }] });
      // The code alone: `extensions.http` is for HTTP answers.
      expect((outcome as { payload: { extensions: unknown }[] }).payload[0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    } finally {
      await socket.close();
    }
    expect(await digest.digest()).toEqual(before);
  });

  it('runs every field when the token may use them all, and skips fields excluded by @skip', async () => {
    const name = fresh('mixed-ok');
    const both = await post(server.url, { query: `mutation { a: createModel(name: "${name}") { __typename } b: setStage(name: "${SEED}", version: "2", stage: ARCHIVED) { __typename } }` }, { authorization: `Bearer ${secrets.write}` });
    expect(both.json).toEqual({ data: { a: { __typename: 'CreateModelSuccess' }, b: { __typename: 'SetStageSuccess' } } });
    const skipped = await post(
      server.url,
      { query: `mutation($no: Boolean!) { a: createModel(name: "${name}-2") { __typename } b: setStage(name: "${SEED}", version: "2", stage: PRODUCTION) @skip(if: $no) { __typename } }`, variables: { no: true } },
      { authorization: `Bearer ${secrets.write}` },
    );
    expect(skipped.json).toEqual({ data: { a: { __typename: 'CreateModelSuccess' } } });
  });
});

describe('the actor', () => {
  it('is the name of the token that made the change, in the result and in the log', async () => {
    const token = await server.token(['PROMOTE'], 'release-bot');
    const name = await freshModel(2);
    const moved = await server.ok<{ setStage: any }>(SET_STAGE, { name, version: '2', stage: 'PRODUCTION' }, token);
    expect(moved.setStage.changes.map((change: any) => change.actor)).toEqual(['release-bot']);
    const log = await server.ok<any>('query($name: String) { stageChanges(model: $name) { edges { node { actor to } } } }', { name });
    expect(log.stageChanges.edges).toEqual([{ node: { actor: 'release-bot', to: 'PRODUCTION' } }]);
  });
});

/** Replays one model's log from its start, so an accepted subscription yields an event at once. */
const REPLAY = 'subscription($name: String) { stageChanged(name: $name, after: "0") { cursor to actor model { name } } }';
const TRANSPORTS = {
  'graphql-ws': (header?: string, name = SEED) => subscribe('graphql-ws', server.wsUrl, REPLAY, { name }, { authorization: header }),
  SSE: (header?: string, name = SEED) => subscribe('SSE', server.url, REPLAY, { name }, { authorization: header }),
} satisfies Record<string, (header?: string, name?: string) => Subscriber>;

/** graphql-ws refuses the connection itself; SSE answers with the error. */
function expectRefused(transport: string, outcome: unknown): void {
  if (transport === 'graphql-ws') {
    expect(outcome).toMatchObject({ kind: 'closed' });
    expect([4401, 4403]).toContain((outcome as { code?: number }).code);
  } else expect(outcome).toMatchObject({ kind: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
}

describe.each(Object.entries(TRANSPORTS))('subscriptions over %s', (transport, subscribe) => {
  it.each(CREDENTIALS.map((credential) => [credential.name, credential] as const))('with %s', async (_name, credential) => {
    const subscription = subscribe(credential.header());
    try {
      const first = await subscription.next();
      if (credential.scope) {
        expect(first).toMatchObject({ kind: 'event', payload: { data: { stageChanged: { model: { name: SEED }, to: 'STAGING' } } } });
      } else expectRefused(transport, first);
    } finally {
      await subscription.close();
    }
  });

  it('ends when its token is revoked, and the token cannot subscribe again', async () => {
    const name = fresh(`revoked-${transport}`);
    const secret = await server.token(['READ'], name);
    const model = await freshModel(1, 'STAGING');
    const subscription = subscribe(`Bearer ${secret}`, model);
    try {
      expect(await subscription.next()).toMatchObject({ kind: 'event', payload: { data: { stageChanged: { model: { name: model } } } } });
      const tokens = await server.ok<{ apiTokens: { id: string; name: string }[] }>('{ apiTokens { id name } }');
      await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: tokens.apiTokens.find((t) => t.name === name)!.id });
      // Promptly, an error ends the stream.
      expect(await subscription.next(3_000)).toMatchObject({ kind: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect(await subscription.next(3_000)).toMatchObject({ kind: expect.stringMatching(/^(complete|closed)$/) });
    } finally {
      await subscription.close();
    }
    const again = subscribe(`Bearer ${secret}`, model);
    try {
      expectRefused(transport, await again.next());
    } finally {
      await again.close();
    }
  });
});

describe('revocation', () => {
  it('stops a token at once for new operations, even one it used a moment before', async () => {
    for (let round = 0; round < 20; round += 1) {
      const name = fresh('at-once');
      const secret = await server.token(['WRITE'], name);
      expect((await server.gql('{ viewer { name } }', {}, secret)).data).toEqual({ viewer: { name } });
      const tokens = await server.ok<{ apiTokens: { id: string; name: string }[] }>('{ apiTokens { id name } }');
      await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: tokens.apiTokens.find((t) => t.name === name)!.id });
      const after = await server.gql('mutation { createModel(name: "must-not-exist") { __typename } }', {}, secret);
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await server.gql('{ model(name: "must-not-exist") { name } }')).toMatchObject({ data: { model: null } });
  });

  it('reaches another instance: its cached token stops working and its open subscriptions end', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl });
    try {
      const name = fresh('elsewhere');
      const secret = await server.token(['WRITE'], name);
      // Used on the other instance first, so it sits in that instance's token cache.
      expect((await other.gql('{ viewer { name } }', {}, secret)).data).toEqual({ viewer: { name } });
      const model = await freshModel(1, 'STAGING');
      const streams = (['graphql-ws', 'SSE'] as const).map((transport) => subscribe(transport, transport === 'SSE' ? other.url : other.wsUrl, REPLAY, { name: model }, { authorization: `Bearer ${secret}` }));
      try {
        for (const stream of streams) expect(await stream.next()).toMatchObject({ kind: 'event' });
        const tokens = await server.ok<{ apiTokens: { id: string; name: string }[] }>('{ apiTokens { id name } }');
        await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: tokens.apiTokens.find((t) => t.name === name)!.id });
        // The other instance hears of it through the token notification, within milliseconds.
        for (const stream of streams) expect(await stream.next(3_000)).toMatchObject({ kind: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
        const code = async () => (await other.gql('{ viewer { name } }', {}, secret)).errors?.[0]?.extensions?.code;
        await expect.poll(code, { timeout: 2_000, interval: 20 }).toBe('UNAUTHENTICATED');
      } finally {
        await Promise.all(streams.map((stream) => stream.close()));
      }
    } finally {
      await other.app.stop();
    }
  });
});
