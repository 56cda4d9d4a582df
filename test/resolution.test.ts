import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
const MODEL_VERSION = 'query($name: String!, $version: String, $stage: ModelStage) { modelVersion(name: $name, version: $version, stage: $stage) { name number stage model { name } } }';
const resolve = async (variables: Record<string, unknown>) =>
  (await server.ok<{ modelVersion: { name: string; number: number; stage: string } | null }>(MODEL_VERSION, variables)).modelVersion;

beforeAll(async () => {
  server = await startTestServer();
  // Versions: 1 "alpha" ARCHIVED, 2 ARCHIVED, 3 PRODUCTION, 4 STAGING, 5 NONE, 6 NONE.
  await seedModel(server, 'resolve');
  await createVersion(server, 'resolve', { name: 'alpha' });
  for (let i = 0; i < 5; i += 1) await createVersion(server, 'resolve');
  await setStage(server, 'resolve', 'alpha', 'ARCHIVED');
  await setStage(server, 'resolve', '2', 'ARCHIVED');
  await setStage(server, 'resolve', '3', 'PRODUCTION');
  await setStage(server, 'resolve', '4', 'STAGING');
});
afterAll(() => server?.stop());

describe('version resolution', () => {
  it('by number: all digits', async () => {
    expect(await resolve({ name: 'resolve', version: '3' })).toMatchObject({ number: 3, name: '3', stage: 'PRODUCTION' });
  });

  it('by name', async () => {
    expect(await resolve({ name: 'resolve', version: 'alpha' })).toMatchObject({ number: 1, name: 'alpha' });
  });

  it('LATEST is the highest number, whatever its stage', async () => {
    expect(await resolve({ name: 'resolve', stage: 'LATEST' })).toMatchObject({ number: 6 });
  });

  it('PRODUCTION and STAGING are their one holder', async () => {
    expect(await resolve({ name: 'resolve', stage: 'PRODUCTION' })).toMatchObject({ number: 3 });
    expect(await resolve({ name: 'resolve', stage: 'STAGING' })).toMatchObject({ number: 4 });
  });

  it('ARCHIVED and NONE are the highest number in that stage', async () => {
    expect(await resolve({ name: 'resolve', stage: 'ARCHIVED' })).toMatchObject({ number: 2 });
    expect(await resolve({ name: 'resolve', stage: 'NONE' })).toMatchObject({ number: 6 });
  });

  it('is null when nothing matches', async () => {
    await seedModel(server, 'empty');
    expect(await resolve({ name: 'empty', stage: 'LATEST' })).toBeNull();
    expect(await resolve({ name: 'empty', stage: 'PRODUCTION' })).toBeNull();
    expect(await resolve({ name: 'resolve', version: '99' })).toBeNull();
    expect(await resolve({ name: 'resolve', version: '99999999999999999999' })).toBeNull();
    expect(await resolve({ name: 'no-such-model', version: '1' })).toBeNull();
  });

  it('needs exactly one of version and stage (BAD_USER_INPUT)', async () => {
    for (const variables of [{ name: 'resolve' }, { name: 'resolve', version: '1', stage: 'LATEST' }]) {
      const result = await server.gql(MODEL_VERSION, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('every version argument reads a stage name, in any case, as that stage', async () => {
    for (const [text, number] of [['production', 3], ['PRODUCTION', 3], ['Staging', 4], ['latest', 6], ['LaTeSt', 6], ['archived', 2], ['none', 6]] as const) {
      expect(await resolve({ name: 'resolve', version: text }), text).toMatchObject({ number });
    }
    const data = await server.ok<any>(
      `{ model(name: "resolve") { prod: version(version: "Production") { number } latest: version(version: "latest") { number } three: version(version: "3") { number } } }`,
    );
    expect(data.model).toEqual({ prod: { number: 3 }, latest: { number: 6 }, three: { number: 3 } });
    // A mutation reads the same text the same way: the LATEST version (6) gets the description.
    const updated = await server.ok<any>(
      'mutation { updateModelVersion(model: "resolve", version: "LATEST", description: "newest") { ... on UpdateModelVersionSuccess { modelVersion { number } } } }',
    );
    expect(updated.updateModelVersion.modelVersion).toEqual({ number: 6 });
    // Only the exact name, in any case: text around it makes it a name, which no version may be.
    expect(await resolve({ name: 'resolve', version: ' production' })).toBeNull();
    const refused = await server.ok<any>('mutation { createModelVersion(model: "resolve", name: "Production") { __typename ... on ValidationError { field } } }');
    expect(refused.createModelVersion).toEqual({ __typename: 'ValidationError', field: 'name' });
  });

  it('Model.version follows the same rules', async () => {
    const data = await server.ok<any>(
      `{ model(name: "resolve") { latest: version(stage: LATEST) { number } prod: version(stage: PRODUCTION) { number } alpha: version(version: "alpha") { number } } }`,
    );
    expect(data.model).toEqual({ latest: { number: 6 }, prod: { number: 3 }, alpha: { number: 1 } });
  });

  it('lists versions newest first, filtered by stage, page by page', async () => {
    const page = async (after?: string, stage?: string) =>
      (
        await server.ok<any>(
          'query($after: String, $stage: ModelStage) { model(name: "resolve") { versions(first: 2, after: $after, stage: $stage) { edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }',
          { after, stage },
        )
      ).model.versions;
    const first = await page();
    expect(first.edges.map((e: any) => e.node.number)).toEqual([6, 5]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.number)).toEqual([4, 3]);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const archived = await page(undefined, 'ARCHIVED');
    expect(archived.edges.map((e: any) => e.node.number)).toEqual([2, 1]);
    expect(archived.pageInfo.hasNextPage).toBe(false);
    const latest = await page(undefined, 'LATEST');
    expect(latest.edges.map((e: any) => e.node.number)).toEqual([6]);
  });

  it('lists models by name, ascending', async () => {
    const data = await server.ok<any>('{ models(first: 100) { edges { node { name } } } }');
    const names = data.models.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('resolve');
  });

  it('searches models by any part of the name, ignoring case, page by page', async () => {
    for (const name of ['Fraud-Detector', 'fraud_scorer', 'fraudXscorer', 'churn', '100%-fraud']) await seedModel(server, name);
    const search = async (text: string, first = 100, after?: string) =>
      (await server.ok<any>('query($s: String, $f: Int, $a: String) { models(search: $s, first: $f, after: $a) { edges { cursor node { name } } pageInfo { hasNextPage } } }', { s: text, f: first, a: after }))
        .models;
    const names = (connection: any) => connection.edges.map((e: any) => e.node.name);
    // In the database's name order (which depends on its collation).
    const all = names(await search('FRAUD'));
    expect([...all].sort()).toEqual(['100%-fraud', 'Fraud-Detector', 'fraudXscorer', 'fraud_scorer']);
    // `_` and `%` are themselves, not wildcards.
    expect(names(await search('d_s'))).toEqual(['fraud_scorer']);
    expect(names(await search('%'))).toEqual(['100%-fraud']);
    expect(names(await search('nothing-like-it'))).toEqual([]);
    // An empty search is no filter.
    expect(names(await search('')).length).toBeGreaterThanOrEqual(6);
    const firstPage = await search('fraud', 2);
    expect(names(firstPage)).toEqual(all.slice(0, 2));
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await search('fraud', 2, firstPage.edges[1].cursor);
    expect(names(secondPage)).toEqual(all.slice(2));
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    for (const bad of ['x'.repeat(256), 'a\u0000b']) {
      const refused = await server.gql('query($s: String) { models(search: $s) { edges { cursor } } }', { s: bad });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('fetches any object by its global id', async () => {
    const { modelVersion } = await server.ok<any>('{ modelVersion(name: "resolve", version: "3") { id } }');
    const { node } = await server.ok<any>('query($id: ID!) { node(id: $id) { id ... on ModelVersion { number } } }', { id: modelVersion.id });
    expect(node).toEqual({ id: modelVersion.id, number: 3 });
    expect((await server.ok<any>('{ node(id: "bm9wZQ") { id } }')).node).toBeNull();
  });
});

describe('reading the stage-change log', () => {
  it('pages forward with first/after and backward from the newest with last/before', async () => {
    await seedModel(server, 'log-pages', 5);
    for (const v of ['1', '2', '3', '4', '5']) await setStage(server, 'log-pages', v, 'ARCHIVED');
    const page = async (args: string) =>
      (await server.ok<any>(`{ stageChanges(model: "log-pages", ${args}) { edges { cursor node { modelVersion { number } } } pageInfo { hasNextPage hasPreviousPage startCursor } } }`)).stageChanges;
    const numbers = (p: any) => p.edges.map((e: any) => e.node.modelVersion.number);
    const firstTwo = await page('first: 2');
    expect(numbers(firstTwo)).toEqual([1, 2]);
    expect(numbers(await page(`first: 2, after: "${firstTwo.edges[1].cursor}"`))).toEqual([3, 4]);
    const newest = await page('last: 2');
    expect(numbers(newest)).toEqual([4, 5]);
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
    expect(numbers(await page(`last: 2, before: "${newest.pageInfo.startCursor}"`))).toEqual([2, 3]);
    const history = await server.ok<any>('{ modelVersion(name: "log-pages", version: "5") { stageHistory(last: 1) { edges { node { to } } } } }');
    expect(history.modelVersion.stageHistory.edges).toEqual([{ node: { to: 'ARCHIVED' } }]);
    const mixed = await server.gql('{ stageChanges(first: 1, last: 1) { edges { cursor } } }');
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
