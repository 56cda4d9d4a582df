import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const UPDATE_VERSION = `mutation($model: String!, $version: String!, $description: String, $tags: [String!], $metadata: JSON) {
  updateModelVersion(model: $model, version: $version, description: $description, tags: $tags, metadata: $metadata) {
    __typename ... on UpdateModelVersionSuccess { modelVersion { description tags metadata stage } } ... on Error { code } ... on ValidationError { field } } }`;

describe('editing models and versions', () => {
  it('registers a model with its model card and updates only the given fields', async () => {
    const created = await server.ok<any>(
      `mutation { createModel(name: "card", description: "iris classifier", license: "MIT", audience: "botanists", useCases: "sorting flowers",
        limitations: "three species", tradeOffs: "speed over accuracy", ethics: "none known", tags: ["iris", "iris", "sklearn"]) {
        ... on CreateModelSuccess { model { name description license audience useCases limitations tradeOffs ethics tags } } } }`,
    );
    expect(created.createModel.model).toEqual({
      name: 'card', description: 'iris classifier', license: 'MIT', audience: 'botanists', useCases: 'sorting flowers',
      limitations: 'three species', tradeOffs: 'speed over accuracy', ethics: 'none known', tags: ['iris', 'sklearn'],
    });
    const updated = await server.ok<any>(
      `mutation { updateModel(name: "card", license: "Apache-2.0", ethics: null) { ... on UpdateModelSuccess { model { description license ethics tags } } } }`,
    );
    expect(updated.updateModel.model).toEqual({ description: 'iris classifier', license: 'Apache-2.0', ethics: null, tags: ['iris', 'sklearn'] });
  });

  it('updates a version\'s description, tags and metadata, never its stage', async () => {
    await seedModel(server, 'edit-version', 1);
    await setStage(server, 'edit-version', '1', 'STAGING');
    const first = await server.ok<any>(UPDATE_VERSION, { model: 'edit-version', version: '1', metadata: { accuracy: 0.9 }, tags: ['candidate'] });
    expect(first.updateModelVersion.modelVersion).toEqual({ description: null, tags: ['candidate'], metadata: { accuracy: 0.9 }, stage: 'STAGING' });
    const second = await server.ok<any>(UPDATE_VERSION, { model: 'edit-version', version: 'staging', description: 'best so far' });
    expect(second.updateModelVersion.modelVersion).toMatchObject({ description: 'best so far', tags: ['candidate'], metadata: { accuracy: 0.9 } });
    expect((await server.ok<any>(UPDATE_VERSION, { model: 'edit-version', version: '1', metadata: { blob: 'x'.repeat(70_000) } })).updateModelVersion).toMatchObject({
      __typename: 'ValidationError', field: 'metadata',
    });
    expect((await server.ok<any>(UPDATE_VERSION, { model: 'edit-version', version: '7' })).updateModelVersion.__typename).toBe('NotFoundError');
  });

  it('refuses to delete a version in PRODUCTION or STAGING, deletes others and keeps their history', async () => {
    await seedModel(server, 'deletions', 3);
    await setStage(server, 'deletions', '1', 'PRODUCTION');
    await setStage(server, 'deletions', '2', 'STAGING');
    await setStage(server, 'deletions', '3', 'ARCHIVED');
    const remove = (version: string) =>
      server.ok<any>(`mutation($v: String!) { deleteModelVersion(model: "deletions", version: $v) {
        __typename ... on StageConflictError { holder { number } } ... on DeleteModelVersionSuccess { deletedId model { name } } } }`, { v: version });
    expect((await remove('1')).deleteModelVersion).toEqual({ __typename: 'StageConflictError', holder: { number: 1 } });
    expect((await remove('2')).deleteModelVersion.__typename).toBe('StageConflictError');
    const deleted = (await remove('3')).deleteModelVersion;
    expect(deleted).toMatchObject({ __typename: 'DeleteModelVersionSuccess', model: { name: 'deletions' } });
    expect((await server.ok<any>('query($id: ID!) { node(id: $id) { id } }', { id: deleted.deletedId })).node).toBeNull();
    // A tombstone: the log keeps the deleted version's change (test/tombstones.test.ts has the rest).
    const left = await sql(server.databaseUrl, `select count(*)::int n from stage_change c join model_version v on v.id = c.model_version_id where v.name = '3' and v.deleted_at is not null`);
    expect(left).toEqual([{ n: 1 }]);
  });

  it('refuses to delete a model while a version serves; deletes it once archived', async () => {
    await seedModel(server, 'retire', 1);
    await setStage(server, 'retire', '1', 'PRODUCTION');
    const remove = () => server.ok<any>('mutation { deleteModel(name: "retire") { __typename ... on DeleteModelSuccess { name } } }');
    expect((await remove()).deleteModel.__typename).toBe('StageConflictError');
    await setStage(server, 'retire', '1', 'ARCHIVED');
    expect((await remove()).deleteModel).toEqual({ __typename: 'DeleteModelSuccess', name: 'retire' });
    expect((await server.ok<any>('{ model(name: "retire") { name } }')).model).toBeNull();
    expect((await remove()).deleteModel.__typename).toBe('NotFoundError');
  });

  it('a deleted model\'s name can be registered again, starting from version 1', async () => {
    await seedModel(server, 'reborn', 2);
    await server.ok('mutation { deleteModel(name: "reborn") { __typename } }');
    await seedModel(server, 'reborn');
    expect((await createVersion(server, 'reborn')).modelVersion).toMatchObject({ number: 1 });
  });
});
