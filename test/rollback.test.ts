/** rollbackStage: the previous holder by the log, forced back in one transaction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteVersion, seedModel, setStage } from './support/fixtures.js';
import { rollback, snapshot } from './support/ledger.js';
import { startTestServer, type TestServer } from './support/server.js';
import { RollbackDocument } from './generated/graphql.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('rollbackStage', () => {
  it('puts back the previous holder with force, archiving the current one; twice toggles', async () => {
    await seedModel(server, 'toggle', 3);
    await setStage(server, 'toggle', '1', 'PRODUCTION');
    await setStage(server, 'toggle', '2', 'PRODUCTION', true);
    const back = await rollback(server, { name: 'toggle', stage: 'PRODUCTION', reason: 'v2 regressed' });
    expect(back).toMatchObject({ __typename: 'SetStageSuccess', modelVersion: { number: 1, stage: 'PRODUCTION' }, archived: [{ number: 2, stage: 'ARCHIVED' }] });
    expect(back.changes.map((c) => [c.modelVersion.number, c.from, c.to, c.forced, c.displaced, c.reason])).toEqual([
      [2, 'PRODUCTION', 'ARCHIVED', true, true, 'v2 regressed'],
      [1, 'ARCHIVED', 'PRODUCTION', true, false, 'v2 regressed'],
    ]);
    expect((await rollback(server, { name: 'toggle', stage: 'PRODUCTION' })).modelVersion.number).toBe(2);
    expect((await rollback(server, { name: 'toggle', stage: 'PRODUCTION' })).modelVersion.number).toBe(1);
  });

  it('takes the version whose last stay ended most recently, also from another stage, and with no current holder', async () => {
    await seedModel(server, 'recent', 3);
    await setStage(server, 'recent', '1', 'STAGING');
    await setStage(server, 'recent', '2', 'STAGING', true);
    await setStage(server, 'recent', '3', 'STAGING', true);
    await setStage(server, 'recent', '3', 'NONE');
    // No holder now: 3 left last.
    expect((await rollback(server, { name: 'recent', stage: 'STAGING' })).modelVersion.number).toBe(3);
    expect((await rollback(server, { name: 'recent', stage: 'STAGING' })).modelVersion.number).toBe(2);
  });

  it('with expectedHolder and dryRun, as setStage', async () => {
    await seedModel(server, 'rb-options', 2);
    await setStage(server, 'rb-options', '1', 'PRODUCTION');
    await setStage(server, 'rb-options', '2', 'PRODUCTION', true);
    const before = await snapshot(server);
    expect(await rollback(server, { name: 'rb-options', stage: 'PRODUCTION', expectedHolder: '1' })).toMatchObject({
      __typename: 'PreconditionFailedError',
      actualHolder: { number: 2 },
    });
    expect(await rollback(server, { name: 'rb-options', stage: 'PRODUCTION', dryRun: true })).toEqual({
      __typename: 'SetStagePreview',
      modelVersion: { name: '1', number: 1, stage: 'ARCHIVED' },
      from: 'ARCHIVED',
      to: 'PRODUCTION',
      archived: [{ name: '2', number: 2, stage: 'PRODUCTION' }],
      noop: false,
    });
    expect(await snapshot(server)).toEqual(before);
    expect((await rollback(server, { name: 'rb-options', stage: 'PRODUCTION', expectedHolder: '2' })).modelVersion.number).toBe(1);
  });

  it('NotFoundError with nothing to put back, or when that version was deleted; INVALID_STAGE outside STAGING and PRODUCTION; needs PROMOTE', async () => {
    await seedModel(server, 'rb-none', 2);
    expect(await rollback(server, { name: 'rb-none', stage: 'PRODUCTION' })).toMatchObject({ __typename: 'NotFoundError' });
    await setStage(server, 'rb-none', '1', 'PRODUCTION');
    expect(await rollback(server, { name: 'rb-none', stage: 'PRODUCTION' })).toMatchObject({ __typename: 'NotFoundError' });
    await setStage(server, 'rb-none', '2', 'PRODUCTION', true);
    await deleteVersion(server, 'rb-none', '1');
    const before = await snapshot(server);
    expect(await rollback(server, { name: 'rb-none', stage: 'PRODUCTION' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await rollback(server, { name: 'no-such-model', stage: 'PRODUCTION' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await rollback(server, { name: 'rb-none', stage: 'ARCHIVED' })).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_STAGE', field: 'stage' });
    expect(await snapshot(server)).toEqual(before);
    const writer = await server.token(['WRITE']);
    const refused = await server.gql(RollbackDocument, { name: 'rb-none', stage: 'STAGING' }, writer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
