import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { LogWithVersionsAndModelsDocument, ModelsWithStageHoldersDocument, VersionsWithModelsDocument } from './generated/graphql.js';

let server: TestServer;
let queries = 0;

beforeAll(async () => {
  server = await startTestServer();
  // Every statement the ORM sends goes through its knex instance.
  server.app.orm.em.getConnection().getKnex().on('query', () => (queries += 1));
  for (const name of ['batch-a', 'batch-b']) {
    await seedModel(server, name);
    for (let i = 0; i < 100; i += 1) await createVersion(server, name);
  }
  await setStage(server, 'batch-a', '100', 'PRODUCTION');
  await setStage(server, 'batch-a', '99', 'PRODUCTION', true);
});
afterAll(() => server?.stop());

/** Queries one request costs: the least of a few runs, since the feed's safety poll may land inside one. */
async function countQueries<TData, TVariables>(document: DocumentTypeDecoration<TData, TVariables>, variables: TVariables): Promise<number> {
  await server.ok(document, variables); // warm caches (token, statements) first
  const counts: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const before = queries;
    await server.ok(document, variables);
    counts.push(queries - before);
  }
  return Math.min(...counts);
}

describe('batch loading', () => {
  it('a page of 100 versions with their models costs a constant number of queries', async () => {
    const small = await countQueries(VersionsWithModelsDocument, { name: 'batch-a', first: 2 });
    const large = await countQueries(VersionsWithModelsDocument, { name: 'batch-a', first: 100 });
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(3);
  });

  it('a page of the log with versions and models costs a constant number of queries', async () => {
    expect(await countQueries(LogWithVersionsAndModelsDocument, { first: 100 })).toBe(await countQueries(LogWithVersionsAndModelsDocument, { first: 1 }));
  });

  it('a page of models with their PRODUCTION, STAGING and LATEST versions costs one query per stage', async () => {
    expect(await countQueries(ModelsWithStageHoldersDocument, { first: 2 })).toBe(await countQueries(ModelsWithStageHoldersDocument, { first: 1 }));
    expect(await countQueries(ModelsWithStageHoldersDocument, { first: 2 })).toBeLessThanOrEqual(4);
    const data = await server.ok(ModelsWithStageHoldersDocument, { first: 2 });
    expect(data.models.edges.map((e) => [e.node.name, e.node.latest?.name, e.node.prod?.name, e.node.staging?.name])).toEqual([
      ['batch-a', '100', '99', undefined],
      ['batch-b', '100', undefined, undefined],
    ]);
  });
});
