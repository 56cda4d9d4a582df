import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import type { Members } from './support/members.js';
import { startTestServer, type TestServer } from './support/server.js';
import {
  LogPageBothWaysDocument,
  ModelNamesDocument,
  NodeIdDocument,
  NodeVersionNumberDocument,
  ResolveVersionDocument,
  SearchModelsDocument,
  UpdateVersionDocument,
  VersionHistoryNewestDocument,
  VersionIdDocument,
  VersionsByStageDocument,
  VersionsByTextDocument,
  VersionsPageDocument,
  type LogPageBothWaysQuery,
  type LogPageBothWaysQueryVariables,
  type ModelStage,
  type ResolveVersionQueryVariables,
  type SearchModelsQuery,
} from './generated/graphql.js';

let server: TestServer;
const resolve = async (variables: ResolveVersionQueryVariables) => (await server.ok(ResolveVersionDocument, variables)).modelVersion;

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
    const neitherOrBoth: ResolveVersionQueryVariables[] = [{ name: 'resolve' }, { name: 'resolve', version: '1', stage: 'LATEST' }];
    for (const variables of neitherOrBoth) {
      const result = await server.gql(ResolveVersionDocument, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('every version argument reads a stage name, in any case, as that stage', async () => {
    for (const [text, number] of [['production', 3], ['PRODUCTION', 3], ['Staging', 4], ['latest', 6], ['LaTeSt', 6], ['archived', 2], ['none', 6]] as const) {
      expect(await resolve({ name: 'resolve', version: text }), text).toMatchObject({ number });
    }
    const data = await server.ok(VersionsByTextDocument, { name: 'resolve' });
    expect(data.model).toEqual({ prod: { number: 3 }, latest: { number: 6 }, three: { number: 3 } });
    // A mutation reads the same text the same way: the LATEST version (6) gets the description.
    const updated = await server.ok(UpdateVersionDocument, { model: 'resolve', version: 'LATEST', description: 'newest' });
    // The shared UpdateVersion document selects more of the version than its number.
    expect((updated.updateModelVersion as Members<typeof updated.updateModelVersion>).modelVersion).toMatchObject({ number: 6, description: 'newest' });
    // Only the exact name, in any case: text around it makes it a name, which no version may be.
    expect(await resolve({ name: 'resolve', version: ' production' })).toBeNull();
    const refused = await createVersion(server, 'resolve', { name: 'Production' });
    expect(refused).toEqual({ __typename: 'ValidationError', field: 'name' });
  });

  it('Model.version follows the same rules', async () => {
    const data = await server.ok(VersionsByStageDocument, { name: 'resolve' });
    expect(data.model).toEqual({ latest: { number: 6 }, prod: { number: 3 }, alpha: { number: 1 } });
  });

  it('lists versions newest first, filtered by stage, page by page', async () => {
    const page = async (after?: string, stage?: ModelStage) =>
      (await server.ok(VersionsPageDocument, { name: 'resolve', first: 2, after, stage })).model!.versions;
    const numbers = (connection: Awaited<ReturnType<typeof page>>) => connection.edges.map((e) => e.node.number);
    const first = await page();
    expect(numbers(first)).toEqual([6, 5]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page(first.pageInfo.endCursor!);
    expect(numbers(second)).toEqual([4, 3]);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const archived = await page(undefined, 'ARCHIVED');
    expect(numbers(archived)).toEqual([2, 1]);
    expect(archived.pageInfo.hasNextPage).toBe(false);
    const latest = await page(undefined, 'LATEST');
    expect(numbers(latest)).toEqual([6]);
  });

  it('lists models by name, ascending', async () => {
    const data = await server.ok(ModelNamesDocument, {});
    const names = data.models.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('resolve');
  });

  it('searches models by any part of the name, ignoring case, page by page', async () => {
    for (const name of ['Fraud-Detector', 'fraud_scorer', 'fraudXscorer', 'churn', '100%-fraud']) await seedModel(server, name);
    const search = async (text: string, first = 100, after?: string) => (await server.ok(SearchModelsDocument, { search: text, first, after })).models;
    const names = (connection: SearchModelsQuery['models']) => connection.edges.map((e) => e.node.name);
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
    const secondPage = await search('fraud', 2, firstPage.edges[1]!.cursor);
    expect(names(secondPage)).toEqual(all.slice(2));
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    for (const bad of ['x'.repeat(256), 'a\u0000b']) {
      const refused = await server.gql(SearchModelsDocument, { search: bad });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('fetches any object by its global id', async () => {
    const { modelVersion } = await server.ok(VersionIdDocument, { name: 'resolve', version: '3' });
    const { node } = await server.ok(NodeVersionNumberDocument, { id: modelVersion!.id });
    expect(node).toEqual({ id: modelVersion!.id, number: 3 });
    expect((await server.ok(NodeIdDocument, { id: 'bm9wZQ' })).node).toBeNull();
  });
});

describe('reading the stage-change log', () => {
  it('pages forward with first/after and backward from the newest with last/before', async () => {
    await seedModel(server, 'log-pages', 5);
    for (const v of ['1', '2', '3', '4', '5']) await setStage(server, 'log-pages', v, 'ARCHIVED');
    const page = async (args: LogPageBothWaysQueryVariables) => (await server.ok(LogPageBothWaysDocument, { model: 'log-pages', ...args })).stageChanges;
    const numbers = (p: LogPageBothWaysQuery['stageChanges']) => p.edges.map((e) => e.node.modelVersion.number);
    const firstTwo = await page({ first: 2 });
    expect(numbers(firstTwo)).toEqual([1, 2]);
    expect(numbers(await page({ first: 2, after: firstTwo.edges[1]!.cursor }))).toEqual([3, 4]);
    const newest = await page({ last: 2 });
    expect(numbers(newest)).toEqual([4, 5]);
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
    expect(numbers(await page({ last: 2, before: newest.pageInfo.startCursor! }))).toEqual([2, 3]);
    const history = await server.ok(VersionHistoryNewestDocument, { name: 'log-pages', version: '5', last: 1 });
    expect(history.modelVersion!.stageHistory.edges).toEqual([{ node: { to: 'ARCHIVED' } }]);
    const mixed = await server.gql(LogPageBothWaysDocument, { first: 1, last: 1 });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
