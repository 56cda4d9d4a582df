import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, deleteModel, deleteVersion, seedModel, setStage } from './support/fixtures.js';
import type { Members } from './support/members.js';
import { startTestServer, type TestServer } from './support/server.js';
import {
  CreateModelWithCardDocument,
  ModelIdDocument,
  NodeIdDocument,
  UpdateModelCardDocument,
  UpdateVersionDocument,
  type UpdateVersionMutationVariables,
} from './generated/graphql.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function updateVersion(variables: UpdateVersionMutationVariables) {
  const data = await server.ok(UpdateVersionDocument, variables);
  return data.updateModelVersion as Members<typeof data.updateModelVersion>;
}

describe('editing models and versions', () => {
  it('registers a model with its model card and updates only the given fields', async () => {
    const created = await server.ok(CreateModelWithCardDocument, {
      name: 'card', description: 'iris classifier', license: 'MIT', audience: 'botanists', useCases: 'sorting flowers',
      limitations: 'three species', tradeOffs: 'speed over accuracy', ethics: 'none known', tags: ['iris', 'iris', 'sklearn'],
    });
    expect((created.createModel as Members<typeof created.createModel>).model).toEqual({
      name: 'card', description: 'iris classifier', license: 'MIT', audience: 'botanists', useCases: 'sorting flowers',
      limitations: 'three species', tradeOffs: 'speed over accuracy', ethics: 'none known', tags: ['iris', 'sklearn'],
    });
    const updated = await server.ok(UpdateModelCardDocument, { name: 'card', license: 'Apache-2.0', ethics: null });
    expect((updated.updateModel as Members<typeof updated.updateModel>).model).toEqual({ description: 'iris classifier', license: 'Apache-2.0', ethics: null, tags: ['iris', 'sklearn'] });
  });

  it('updates a version\'s description, tags and metadata, never its stage', async () => {
    await seedModel(server, 'edit-version', 1);
    await setStage(server, 'edit-version', '1', 'STAGING');
    const first = await updateVersion({ model: 'edit-version', version: '1', metadata: { accuracy: 0.9 }, tags: ['candidate'] });
    expect(first.modelVersion).toEqual({ number: 1, description: null, tags: ['candidate'], metadata: { accuracy: 0.9 }, stage: 'STAGING' });
    const second = await updateVersion({ model: 'edit-version', version: 'staging', description: 'best so far' });
    expect(second.modelVersion).toMatchObject({ description: 'best so far', tags: ['candidate'], metadata: { accuracy: 0.9 } });
    expect(await updateVersion({ model: 'edit-version', version: '1', metadata: { blob: 'x'.repeat(70_000) } })).toMatchObject({
      __typename: 'ValidationError', field: 'metadata',
    });
    expect((await updateVersion({ model: 'edit-version', version: '7' })).__typename).toBe('NotFoundError');
  });

  it('refuses to delete a version in PRODUCTION or STAGING, deletes others and keeps their history', async () => {
    await seedModel(server, 'deletions', 3);
    await setStage(server, 'deletions', '1', 'PRODUCTION');
    await setStage(server, 'deletions', '2', 'STAGING');
    await setStage(server, 'deletions', '3', 'ARCHIVED');
    const remove = (version: string) => deleteVersion(server, 'deletions', version);
    // The shared DeleteVersion document also selects every error's code.
    expect(await remove('1')).toEqual({ __typename: 'StageConflictError', code: 'STAGE_CONFLICT', holder: { number: 1 } });
    expect((await remove('2')).__typename).toBe('StageConflictError');
    const deleted = await remove('3');
    expect(deleted).toMatchObject({ __typename: 'DeleteModelVersionSuccess', model: { name: 'deletions' } });
    expect((await server.ok(NodeIdDocument, { id: deleted.deletedId })).node).toBeNull();
    // A tombstone: the log keeps the deleted version's change (test/tombstones.test.ts has the rest).
    const left = await sql(server.databaseUrl, `select count(*)::int n from stage_change c join model_version v on v.id = c.model_version_id where v.name = '3' and v.deleted_at is not null`);
    expect(left).toEqual([{ n: 1 }]);
  });

  it('refuses to delete a model while a version serves; deletes it once archived', async () => {
    await seedModel(server, 'retire', 1);
    await setStage(server, 'retire', '1', 'PRODUCTION');
    expect((await deleteModel(server, 'retire')).__typename).toBe('StageConflictError');
    await setStage(server, 'retire', '1', 'ARCHIVED');
    // The shared DeleteModel document also selects the deleted model's id.
    expect(await deleteModel(server, 'retire')).toEqual({ __typename: 'DeleteModelSuccess', deletedId: expect.any(String), name: 'retire' });
    expect((await server.ok(ModelIdDocument, { name: 'retire' })).model).toBeNull();
    expect((await deleteModel(server, 'retire')).__typename).toBe('NotFoundError');
  });

  it('a deleted model\'s name can be registered again, starting from version 1', async () => {
    await seedModel(server, 'reborn', 2);
    await deleteModel(server, 'reborn');
    await seedModel(server, 'reborn');
    expect((await createVersion(server, 'reborn')).modelVersion).toMatchObject({ number: 1 });
  });
});
