/** Deleting a model or a version leaves a tombstone: gone from lookups, its history kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, deleteModel, deleteVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import {
  DeletedVersionReadsDocument,
  HistoryThroughLogDocument,
  LogCursorsDocument,
  LogPageWithVersionsDocument,
  LogTombstonesDocument,
  ModelIdDocument,
  ModelNamesDocument,
  ModelWithVersionDocument,
  NodeAndModelDocument,
  VersionIdDocument,
  type LogPageWithVersionsQuery,
} from './generated/graphql.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('tombstones', () => {
  it("a deleted version is gone from lookups and lists; its history is still paged and resumed with after, and resolves it", async () => {
    await seedModel(server, 'tomb', 3);
    for (const [stage, force] of [['STAGING', false], ['PRODUCTION', false], ['ARCHIVED', false], ['STAGING', false], ['NONE', false]] as const) {
      await setStage(server, 'tomb', '2', stage, force);
    }
    const versionId = (await server.ok(VersionIdDocument, { name: 'tomb', version: '2' })).modelVersion!.id;
    const deleted = await deleteVersion(server, 'tomb', '2');
    expect(deleted).toEqual({ __typename: 'DeleteModelVersionSuccess', deletedId: versionId, model: { name: 'tomb' } });
    expect((await deleteVersion(server, 'tomb', '2')).code).toBe('NOT_FOUND');
    const reads = await server.ok(DeletedVersionReadsDocument, { id: versionId, model: 'tomb', version: '2' });
    expect(reads).toEqual({ node: null, modelVersion: null, model: { byNumber: null, versions: { edges: [{ node: { number: 3 } }, { node: { number: 1 } }] } } });
    expect((await setStage(server, 'tomb', '2', 'STAGING')).__typename).toBe('NotFoundError');

    // The log still holds its five changes; they resolve the deleted version, paged with after.
    const seen: LogPageWithVersionsQuery['stageChanges']['edges'][number]['node'][] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await server.ok(LogPageWithVersionsDocument, { model: 'tomb', first: 2, after })).stageChanges;
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen.map((change) => change.to)).toEqual(['STAGING', 'PRODUCTION', 'ARCHIVED', 'STAGING', 'NONE']);
    for (const change of seen) expect(change.modelVersion).toMatchObject({ id: versionId, number: 2, deletedAt: expect.any(String) });
    const history: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = (await server.ok(HistoryThroughLogDocument, { id: versionId, model: 'tomb', after: cursor })).stageChanges.edges[0]!.node.modelVersion.stageHistory;
      history.push(...page.edges.map((edge) => edge.node.to));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor!;
    }
    expect(history).toEqual(['STAGING', 'PRODUCTION', 'ARCHIVED', 'STAGING', 'NONE']);
  });

  it('version names and numbers are never reused', async () => {
    await seedModel(server, 'no-reuse-names');
    await createVersion(server, 'no-reuse-names', { name: 'alpha' });
    await deleteVersion(server, 'no-reuse-names', 'alpha');
    expect((await createVersion(server, 'no-reuse-names', { name: 'alpha' })).__typename).toBe('AlreadyExistsError');
    expect((await createVersion(server, 'no-reuse-names')).modelVersion).toMatchObject({ number: 2 });
  });

  it("a deleted model is gone, its name free for a new model; its log stays and resolves it", async () => {
    await seedModel(server, 'reused-name', 2);
    await setStage(server, 'reused-name', '1', 'PRODUCTION');
    await setStage(server, 'reused-name', '1', 'ARCHIVED');
    const modelId = (await server.ok(ModelIdDocument, { name: 'reused-name' })).model!.id;
    const deleted = await deleteModel(server, 'reused-name');
    expect(deleted).toEqual({ __typename: 'DeleteModelSuccess', deletedId: modelId, name: 'reused-name' });
    expect((await deleteModel(server, 'reused-name')).code).toBe('NOT_FOUND');
    expect(await server.ok(NodeAndModelDocument, { id: modelId, name: 'reused-name' })).toEqual({ node: null, model: null });
    const names = (await server.ok(ModelNamesDocument, {})).models.edges.map((edge) => edge.node.name);
    expect(names).not.toContain('reused-name');
    // The deleted model's log, by its name while no live model has it.
    const oldLog = await server.ok(LogTombstonesDocument, { model: 'reused-name' });
    expect(oldLog.stageChanges.edges).toHaveLength(2);
    for (const { node } of oldLog.stageChanges.edges) {
      expect(node.model).toEqual({ id: modelId, deletedAt: expect.any(String) });
      expect(node.modelVersion.deletedAt).toEqual(node.model.deletedAt);
    }
    await seedModel(server, 'reused-name', 1);
    expect((await server.ok(ModelWithVersionDocument, { name: 'reused-name', version: '1' })).model).toMatchObject({
      deletedAt: null,
      version: { number: 1, stage: 'NONE' },
    });
    expect((await server.ok(LogCursorsDocument, { model: 'reused-name' })).stageChanges.edges).toEqual([]);
    expect(await sql(server.databaseUrl, "select count(*)::int as n from stage_change c join model m on m.id = c.model_id where m.name = 'reused-name'")).toEqual([{ n: 2 }]);
  });

  it('the database refuses a hard delete of a row the log refers to', async () => {
    await seedModel(server, 'hard', 1);
    await setStage(server, 'hard', '1', 'STAGING');
    await expect(sql(server.databaseUrl, "delete from model where name = 'hard'")).rejects.toThrow(/foreign key/);
  });
});
