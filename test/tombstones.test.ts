/** Deleting a model or a version leaves a tombstone: gone from lookups, its history kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const DELETE_VERSION = `mutation($model: String!, $version: String!) { deleteModelVersion(model: $model, version: $version) {
  __typename ... on DeleteModelVersionSuccess { deletedId model { name } } ... on Error { code } } }`;
const DELETE_MODEL = 'mutation($name: String!) { deleteModel(name: $name) { __typename ... on DeleteModelSuccess { deletedId name } ... on Error { code } } }';

describe('tombstones', () => {
  it("a deleted version is gone from lookups and lists; its history is still paged and resumed with after, and resolves it", async () => {
    await seedModel(server, 'tomb', 3);
    for (const [stage, force] of [['STAGING', false], ['PRODUCTION', false], ['ARCHIVED', false], ['STAGING', false], ['NONE', false]] as const) {
      await setStage(server, 'tomb', '2', stage, force);
    }
    const versionId = (await server.ok<any>('{ modelVersion(name: "tomb", version: "2") { id } }')).modelVersion.id;
    const deleted = (await server.ok<any>(DELETE_VERSION, { model: 'tomb', version: '2' })).deleteModelVersion;
    expect(deleted).toEqual({ __typename: 'DeleteModelVersionSuccess', deletedId: versionId, model: { name: 'tomb' } });
    expect((await server.ok<any>(DELETE_VERSION, { model: 'tomb', version: '2' })).deleteModelVersion.code).toBe('NOT_FOUND');
    const reads = await server.ok<any>(`query($id: ID!) {
      node(id: $id) { id }
      modelVersion(name: "tomb", version: "2") { id }
      model(name: "tomb") { byNumber: version(version: "2") { id } versions { edges { node { number } } } }
    }`, { id: versionId });
    expect(reads).toEqual({ node: null, modelVersion: null, model: { byNumber: null, versions: { edges: [{ node: { number: 3 } }, { node: { number: 1 } }] } } });
    expect((await setStage(server, 'tomb', '2', 'STAGING')).__typename).toBe('NotFoundError');

    // The log still holds its five changes; they resolve the deleted version, paged with after.
    const LOG = `query($after: String) { stageChanges(model: "tomb", first: 2, after: $after) {
      edges { cursor node { to modelVersion { id number deletedAt stageHistory(first: 2) { edges { cursor } } } } } pageInfo { hasNextPage endCursor } } }`;
    const seen: any[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await server.ok<any>(LOG, { after })).stageChanges;
      seen.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((change) => change.to)).toEqual(['STAGING', 'PRODUCTION', 'ARCHIVED', 'STAGING', 'NONE']);
    for (const change of seen) expect(change.modelVersion).toMatchObject({ id: versionId, number: 2, deletedAt: expect.any(String) });
    const HISTORY = `query($id: ID!, $after: String) { node(id: $id) { id } stageChanges(model: "tomb", first: 1) { edges { node { modelVersion {
      stageHistory(first: 2, after: $after) { edges { node { to } } pageInfo { hasNextPage endCursor } } } } } } }`;
    const history: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = (await server.ok<any>(HISTORY, { id: versionId, after: cursor })).stageChanges.edges[0].node.modelVersion.stageHistory;
      history.push(...page.edges.map((edge: any) => edge.node.to));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(history).toEqual(['STAGING', 'PRODUCTION', 'ARCHIVED', 'STAGING', 'NONE']);
  });

  it('version names and numbers are never reused', async () => {
    await seedModel(server, 'no-reuse-names');
    await createVersion(server, 'no-reuse-names', { name: 'alpha' });
    await server.ok(DELETE_VERSION, { model: 'no-reuse-names', version: 'alpha' });
    expect((await createVersion(server, 'no-reuse-names', { name: 'alpha' })).__typename).toBe('AlreadyExistsError');
    expect((await createVersion(server, 'no-reuse-names')).modelVersion).toMatchObject({ number: 2 });
  });

  it("a deleted model is gone, its name free for a new model; its log stays and resolves it", async () => {
    await seedModel(server, 'reused-name', 2);
    await setStage(server, 'reused-name', '1', 'PRODUCTION');
    await setStage(server, 'reused-name', '1', 'ARCHIVED');
    const modelId = (await server.ok<any>('{ model(name: "reused-name") { id } }')).model.id;
    const deleted = (await server.ok<any>(DELETE_MODEL, { name: 'reused-name' })).deleteModel;
    expect(deleted).toEqual({ __typename: 'DeleteModelSuccess', deletedId: modelId, name: 'reused-name' });
    expect((await server.ok<any>(DELETE_MODEL, { name: 'reused-name' })).deleteModel.code).toBe('NOT_FOUND');
    expect(await server.ok<any>('query($id: ID!) { node(id: $id) { id } model(name: "reused-name") { id } }', { id: modelId })).toEqual({ node: null, model: null });
    const names = (await server.ok<any>('{ models(first: 100) { edges { node { name } } } }')).models.edges.map((edge: any) => edge.node.name);
    expect(names).not.toContain('reused-name');
    // The deleted model's log, by its name while no live model has it.
    const oldLog = await server.ok<any>('{ stageChanges(model: "reused-name") { edges { node { model { id deletedAt } modelVersion { number deletedAt } } } } }');
    expect(oldLog.stageChanges.edges).toHaveLength(2);
    for (const { node } of oldLog.stageChanges.edges) {
      expect(node.model).toEqual({ id: modelId, deletedAt: expect.any(String) });
      expect(node.modelVersion.deletedAt).toEqual(node.model.deletedAt);
    }
    await seedModel(server, 'reused-name', 1);
    expect((await server.ok<any>('{ model(name: "reused-name") { id deletedAt version(version: "1") { number stage } } }')).model).toMatchObject({
      deletedAt: null,
      version: { number: 1, stage: 'NONE' },
    });
    expect((await server.ok<any>('{ stageChanges(model: "reused-name") { edges { cursor } } }')).stageChanges.edges).toEqual([]);
    expect(await sql(server.databaseUrl, "select count(*)::int as n from stage_change c join model m on m.id = c.model_id where m.name = 'reused-name'")).toEqual([{ n: 2 }]);
  });

  it('the database refuses a hard delete of a row the log refers to', async () => {
    await seedModel(server, 'hard', 1);
    await setStage(server, 'hard', '1', 'STAGING');
    await expect(sql(server.databaseUrl, "delete from model where name = 'hard'")).rejects.toThrow(/foreign key/);
  });
});
