import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, documents, ModelstageError, type ModelstageClient, type StageChangeEvent } from '../src/client/index.js';
import { ADMIN_TOKEN, startCluster, startTestServer, type TestServer } from './support/server.js';

/** The typed client against a real server: every contract operation, errors as values. */
describe('typed client', () => {
  let server: TestServer;
  let client: ModelstageClient;

  beforeAll(async () => {
    server = await startTestServer();
    client = createClient({ url: server.url, token: ADMIN_TOKEN });
  });
  afterAll(() => server?.stop());

  it('registers models and versions, with typed errors for duplicates, bad input and unknown models', async () => {
    const iris = client.model('iris');
    const registered = await iris.register({ description: 'Iris classifier', tags: ['sklearn'] });
    expect(registered).toMatchObject({ ok: true, value: { name: 'iris', description: 'Iris classifier', tags: ['sklearn'] } });

    const again = await iris.register();
    expect(again).toMatchObject({ ok: false, error: { __typename: 'AlreadyExistsError', code: 'ALREADY_EXISTS' } });
    const invalid = await client.model('').register();
    expect(invalid).toMatchObject({ ok: false, error: { __typename: 'ValidationError', code: 'INVALID_INPUT' } });

    const v1 = await iris.createVersion({ description: 'first', metadata: { accuracy: 0.9 }, tags: ['a'] });
    expect(v1).toMatchObject({ ok: true, value: { name: '1', number: 1, stage: 'NONE', metadata: { accuracy: 0.9 }, model: { name: 'iris' } } });
    expect(await iris.createVersion({ name: 'v-two' })).toMatchObject({ ok: true, value: { name: 'v-two', number: 2 } });
    const stageName = await iris.createVersion({ name: 'Production' });
    expect(stageName).toMatchObject({ ok: false, error: { __typename: 'ValidationError', field: 'name' } });
    const orphan = await client.model('nope').createVersion();
    expect(orphan).toMatchObject({ ok: false, error: { __typename: 'NotFoundError', code: 'NOT_FOUND' } });

    expect(await iris.get()).toMatchObject({ ok: true, value: { name: 'iris' } });
    expect(await client.model('nope').get()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const listed = await client.models.list();
    expect(listed.ok && listed.value.map((model) => model.name)).toEqual(['iris']);
  });

  it('moves stages the ZenML way: by number, name or stage, with conflicts as typed values', async () => {
    const iris = client.model('iris');
    expect(await iris.version(1).setStage('production')).toMatchObject({ ok: true, value: { modelVersion: { stage: 'PRODUCTION' }, archived: [] } });

    const conflict = await iris.version('v-two').setStage('production');
    expect(conflict.ok).toBe(false);
    // Narrowing on __typename gives the holder, typed from the generated document.
    if (!conflict.ok && conflict.error.__typename === 'StageConflictError') expect(conflict.error.holder.name).toBe('1');
    else expect.fail(`expected a StageConflictError, got ${JSON.stringify(conflict)}`);

    const forced = await iris.version('v-two').setStage('PRODUCTION', { force: true });
    expect(forced).toMatchObject({ ok: true, value: { modelVersion: { name: 'v-two' }, archived: [{ name: '1', stage: 'ARCHIVED' }] } });
    if (forced.ok) expect(forced.value.changes.map((c) => [c.modelVersion.name, c.to, c.displaced])).toEqual([['1', 'ARCHIVED', true], ['v-two', 'PRODUCTION', false]]);

    // 'latest' and stage names resolve to the version holding them.
    expect(await iris.version('latest').get()).toMatchObject({ ok: true, value: { name: 'v-two' } });
    expect(await iris.version('latest').setStage('staging', { force: true })).toMatchObject({ ok: true, value: { modelVersion: { name: 'v-two', stage: 'STAGING' } } });
    expect(await iris.version('staging').get()).toMatchObject({ ok: true, value: { name: 'v-two' } });
    expect(await iris.version(1).setStage('latest')).toMatchObject({ ok: false, error: { __typename: 'ValidationError', code: 'INVALID_STAGE' } });
    expect(await iris.version(42).setStage('staging')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await iris.version('production').get()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const staged = await iris.versions({ stage: 'staging' });
    expect(staged.ok && staged.value.map((v) => v.name)).toEqual(['v-two']);
    const all = await iris.versions();
    expect(all.ok && all.value.map((v) => [v.name, v.stage])).toEqual([['v-two', 'STAGING'], ['1', 'ARCHIVED']]);
  });

  it('reads the change log, a version history and nodes', async () => {
    const log = await client.stageChanges({ model: 'iris' });
    expect(log.ok && log.value.nodes.map((c) => `${c.modelVersion.name}:${c.from}>${c.to}`)).toEqual([
      '1:NONE>PRODUCTION', '1:PRODUCTION>ARCHIVED', 'v-two:NONE>PRODUCTION', 'v-two:PRODUCTION>STAGING',
    ]);
    const history = await client.model('iris').version('v-two').history();
    expect(history.ok && history.value.nodes.map((c) => c.to)).toEqual(['PRODUCTION', 'STAGING']);

    const version = await client.model('iris').version(1).get();
    if (!version.ok) return expect.fail('version 1 missing');
    expect(await client.node(version.value.id)).toMatchObject({ ok: true, value: { __typename: 'ModelVersion', name: '1' } });
    expect(await client.node('bm9wZTox')).toMatchObject({ ok: true, value: null });
    expect(await client.model('iris').version(1).delete()).toMatchObject({ ok: true, value: { deletedId: version.value.id } });
    expect(await client.model('iris').version('staging').delete()).toMatchObject({ ok: false, error: { code: 'STAGE_CONFLICT' } });
  });

  it('manages tokens and reports UNAUTHENTICATED, FORBIDDEN and BAD_USER_INPUT as values', async () => {
    const created = await client.tokens.create('ci-reader', ['READ']);
    if (!created.ok) return expect.fail(JSON.stringify(created.error));
    expect(created.value.apiToken).toMatchObject({ name: 'ci-reader', scopes: ['READ'], revokedAt: null });
    expect(await client.tokens.create('ci-reader', ['READ'])).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    // The administrator token's name (MODELSTAGE_ADMIN_TOKEN's, here) is never a second token's.
    expect(await client.tokens.create('admin', ['READ'])).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });

    const reader = createClient({ url: server.url, token: created.value.token });
    expect((await reader.models.list()).ok).toBe(true);
    expect(await reader.model('iris').version('staging').setStage('none')).toMatchObject({ ok: false, error: { __typename: 'RequestError', code: 'FORBIDDEN' } });
    expect(await createClient({ url: server.url }).models.list()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Neither version nor stage: the schema's BAD_USER_INPUT, through a raw generated document.
    expect(await client.request(documents.ModelVersionDocument, { name: 'iris' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await client.models.page({ first: 1000 })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });

    const listed = await client.tokens.list();
    expect(listed.ok && listed.value.some((token) => token.name === 'ci-reader')).toBe(true);
    expect(await client.tokens.revoke(created.value.apiToken.id)).toMatchObject({ ok: true, value: { apiToken: { name: 'ci-reader' } } });
    expect(await reader.models.list()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('throws a ModelstageError only when no server answers', async () => {
    await expect(createClient({ url: 'http://127.0.0.1:1/graphql', token: ADMIN_TOKEN }).models.list()).rejects.toBeInstanceOf(ModelstageError);
  });
});

/**
 * A watch that outlives its server: changes made while it is down (through another instance on
 * the same database) arrive after it reconnects, each exactly once, in commit order.
 */
describe('typed client subscription', () => {
  it('survives a server restart without a lost or duplicated change', async () => {
    const cluster = await startCluster();
    const start = cluster.start;
    try {
      const first = await start();
      const admin = createClient({ url: first.url, token: ADMIN_TOKEN });
      await admin.model('mnist').register();
      for (let i = 0; i < 5; i += 1) await admin.model('mnist').createVersion();

      const received: StageChangeEvent[] = [];
      const watch = admin.watch({ name: 'mnist', onChange: (change) => received.push(change), minRetryMs: 50, maxRetryMs: 300 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await admin.model('mnist').version(1).setStage('staging');
      await admin.model('mnist').version(2).setStage('production');
      await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 10_000 });

      // The watched instance goes away; another one keeps taking changes meanwhile.
      await first.app.stop();
      const other = await start();
      const otherClient = createClient({ url: other.url, token: ADMIN_TOKEN });
      await otherClient.model('mnist').version(3).setStage('staging', { force: true });
      await otherClient.model('mnist').version(4).setStage('archived');

      // Back on the same port: the watch resumes behind its last cursor, then goes on live.
      await start(first.app.port);
      await vi.waitFor(() => expect(received).toHaveLength(5), { timeout: 15_000 });
      await otherClient.model('mnist').version(5).setStage('production', { force: true });
      await vi.waitFor(() => expect(received).toHaveLength(7), { timeout: 10_000 });
      watch.close();

      const log = await otherClient.stageChanges({ model: 'mnist', first: 100 });
      expect(log.ok && log.value.nodes.map((c) => c.cursor)).toEqual(received.map((c) => c.cursor));
      expect(new Set(received.map((c) => c.cursor)).size).toBe(7);
      expect(watch.cursor).toBe(received.at(-1)?.cursor);
    } finally {
      await cluster.close();
    }
  });
});

describe('a watch the server refuses', () => {
  it('ends with the server\'s reason instead of reconnecting forever', async () => {
    const server = await startTestServer();
    try {
      const { watchStageChanges } = await import('../src/client/live.js');
      const { default: WebSocket } = await import('ws');
      const statuses: [string, string | undefined][] = [];
      const ended = new Promise<void>((resolve) => {
        watchStageChanges({
          url: server.url,
          token: ADMIN_TOKEN,
          after: 'not-a-cursor',
          webSocketImpl: WebSocket,
          onChange: () => undefined,
          onStatus: (status, detail) => {
            statuses.push([status, detail]);
            if (status === 'closed') resolve();
          },
        });
      });
      await ended;
      expect(statuses.at(-1)![1]).toContain('after must be a stage-change cursor');
      expect(statuses.filter(([status]) => status === 'reconnecting')).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
