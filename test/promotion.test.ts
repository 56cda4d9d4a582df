import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, seedModel, setStage, stagesOf } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('setStage', () => {
  it('moves a version into a free stage and logs the change', async () => {
    await seedModel(server, 'free-stage', 1);
    const result = await setStage(server, 'free-stage', '1', 'PRODUCTION');
    expect(result.__typename).toBe('SetStageSuccess');
    expect(result.modelVersion).toMatchObject({ number: 1, stage: 'PRODUCTION' });
    expect(result.archived).toEqual([]);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ from: 'NONE', to: 'PRODUCTION', forced: false, displaced: false, actor: 'admin' });
  });

  it('refuses a held unique stage without force and changes nothing', async () => {
    await seedModel(server, 'conflict', 2);
    await setStage(server, 'conflict', '1', 'STAGING');
    const before = await sql(server.databaseUrl, 'select count(*)::int as n from stage_change');
    const result = await setStage(server, 'conflict', '2', 'STAGING');
    expect(result).toMatchObject({ __typename: 'StageConflictError', code: 'STAGE_CONFLICT', holder: { number: 1, stage: 'STAGING' } });
    expect(await stagesOf(server, 'conflict')).toEqual({ 1: 'STAGING', 2: 'NONE' });
    expect(await sql(server.databaseUrl, 'select count(*)::int as n from stage_change')).toEqual(before);
  });

  it('with force archives the holder in the same transaction', async () => {
    await seedModel(server, 'forced', 2);
    await setStage(server, 'forced', '1', 'PRODUCTION');
    const result = await setStage(server, 'forced', '2', 'PRODUCTION', true);
    expect(result.__typename).toBe('SetStageSuccess');
    expect(result.archived).toEqual([{ name: '1', number: 1, stage: 'ARCHIVED' }]);
    expect(result.changes.map((c: any) => [c.modelVersion.name, c.from, c.to, c.forced, c.displaced])).toEqual([
      ['1', 'PRODUCTION', 'ARCHIVED', true, true],
      ['2', 'NONE', 'PRODUCTION', true, false],
    ]);
    expect(result.changes[0]!.transactionId).toBe(result.changes[1]!.transactionId);
    expect(Number(result.changes[1]!.cursor)).toBeGreaterThan(Number(result.changes[0]!.cursor));
    expect(await stagesOf(server, 'forced')).toEqual({ 1: 'ARCHIVED', 2: 'PRODUCTION' });
  });

  it('changes nothing when the version already holds the stage', async () => {
    await seedModel(server, 'same', 1);
    await setStage(server, 'same', '1', 'STAGING');
    const result = await setStage(server, 'same', '1', 'STAGING');
    expect(result).toMatchObject({ __typename: 'SetStageSuccess', changes: [], archived: [] });
  });

  it('lets any number of versions be ARCHIVED', async () => {
    await seedModel(server, 'archive-many', 3);
    for (const v of ['1', '2', '3']) expect((await setStage(server, 'archive-many', v, 'ARCHIVED')).__typename).toBe('SetStageSuccess');
    expect(await stagesOf(server, 'archive-many')).toEqual({ 1: 'ARCHIVED', 2: 'ARCHIVED', 3: 'ARCHIVED' });
  });

  it('refuses LATEST with INVALID_STAGE', async () => {
    await seedModel(server, 'latest-refused', 1);
    expect(await setStage(server, 'latest-refused', '1', 'LATEST')).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_STAGE', field: 'stage' });
  });

  it('answers NotFoundError for an unknown model or version', async () => {
    await seedModel(server, 'known', 1);
    expect(await setStage(server, 'nope', '1', 'STAGING')).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await setStage(server, 'known', '9', 'STAGING')).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await setStage(server, 'known', 'no-such-name', 'STAGING')).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('accepts a version by name, by number, or by stage name', async () => {
    await seedModel(server, 'by-ref', 0);
    await createVersion(server, 'by-ref', { name: '1.2.3' });
    await createVersion(server, 'by-ref');
    expect((await setStage(server, 'by-ref', '1.2.3', 'PRODUCTION')).modelVersion).toMatchObject({ number: 1 });
    expect((await setStage(server, 'by-ref', 'latest', 'STAGING')).modelVersion).toMatchObject({ number: 2 });
    expect((await setStage(server, 'by-ref', '1', 'ARCHIVED')).modelVersion).toMatchObject({ name: '1.2.3', stage: 'ARCHIVED' });
  });
});
