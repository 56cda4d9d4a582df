/** setStage and rollbackStage with idempotency keys: retries commit once and answer the same. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { move, rollback, snapshot } from './support/ledger.js';
import { startTestServer, type TestServer } from './support/server.js';
import { ResolveVersionDocument } from './generated/graphql.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('idempotency keys', () => {
  it('a retry with the same key and arguments answers the first success, with the same changes and cursors, committing nothing', async () => {
    await seedModel(server, 'retry', 2);
    await setStage(server, 'retry', '1', 'PRODUCTION');
    const args = { name: 'retry', version: '2', stage: 'PRODUCTION', force: true, reason: 'deploy 7', idempotencyKey: 'pipeline-run-7' };
    const first = await move(server, args);
    expect(first.changes).toHaveLength(2);
    const after = await snapshot(server);
    const again = await move(server, args);
    expect(again).toEqual(first);
    expect(await snapshot(server)).toEqual(after);
    // Even once the stage moved on: the answer is the first call's, and nothing moves back.
    await setStage(server, 'retry', '1', 'PRODUCTION', true);
    const later = await move(server, args);
    expect(later.changes).toEqual(first.changes);
    expect((await server.ok(ResolveVersionDocument, { name: 'retry', stage: 'PRODUCTION' })).modelVersion!.number).toBe(1);
  });

  it('the same key with other arguments is IDEMPOTENCY_KEY_REUSED; keys are per token', async () => {
    await seedModel(server, 'reuse', 3);
    const first = await move(server, { name: 'reuse', version: '1', stage: 'STAGING', idempotencyKey: 'k1' });
    expect(first.__typename).toBe('SetStageSuccess');
    const before = await snapshot(server);
    for (const other of [
      { version: '2' },
      { reason: 'another reason' },
      { stage: 'PRODUCTION' },
    ]) {
      expect(await move(server, { name: 'reuse', version: '1', stage: 'STAGING', idempotencyKey: 'k1', ...other })).toMatchObject({
        __typename: 'ValidationError',
        code: 'IDEMPOTENCY_KEY_REUSED',
        field: 'idempotencyKey',
      });
    }
    expect(await rollback(server, { name: 'reuse', stage: 'STAGING', idempotencyKey: 'k1' })).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await snapshot(server)).toEqual(before);
    // Another token's key space: the same key is fresh there.
    const other = await server.token(['PROMOTE']);
    const theirs = await move(server, { name: 'reuse', version: '2', stage: 'STAGING', force: true, idempotencyKey: 'k1' }, other);
    expect(theirs.__typename).toBe('SetStageSuccess');
  });

  it('a call that commits nothing (an error, a no-op, a dry run) leaves the key unused', async () => {
    await seedModel(server, 'unused', 2);
    await setStage(server, 'unused', '1', 'PRODUCTION');
    const key = 'later';
    expect((await move(server, { name: 'unused', version: '2', stage: 'PRODUCTION', idempotencyKey: key })).__typename).toBe('StageConflictError');
    expect((await move(server, { name: 'unused', version: '1', stage: 'PRODUCTION', idempotencyKey: key })).changes).toEqual([]);
    expect((await move(server, { name: 'unused', version: '9', stage: 'STAGING', idempotencyKey: key })).__typename).toBe('NotFoundError');
    expect((await move(server, { name: 'unused', version: '2', stage: 'STAGING', dryRun: true, idempotencyKey: key })).__typename).toBe('SetStagePreview');
    expect(await sql(server.databaseUrl, 'select count(*)::int as n from idempotency_key where key = $1', [key])).toEqual([{ n: 0 }]);
    expect((await move(server, { name: 'unused', version: '2', stage: 'STAGING', idempotencyKey: key })).changes).toHaveLength(1);
  });

  it('a dry run with a used key answers what the real call would: the reuse error, or a no-op', async () => {
    await seedModel(server, 'dry-key', 2);
    await move(server, { name: 'dry-key', version: '1', stage: 'STAGING', idempotencyKey: 'dk' });
    expect(await move(server, { name: 'dry-key', version: '2', stage: 'STAGING', dryRun: true, idempotencyKey: 'dk' })).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await move(server, { name: 'dry-key', version: '1', stage: 'STAGING', dryRun: true, idempotencyKey: 'dk' })).toMatchObject({
      __typename: 'SetStagePreview',
      noop: true,
    });
  });

  it('10 concurrent calls with one key commit once, and every one answers the same changes', async () => {
    await seedModel(server, 'key-race', 2);
    await setStage(server, 'key-race', '1', 'PRODUCTION');
    const before = (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from stage_change'))[0]!.n;
    const args = { name: 'key-race', version: '2', stage: 'PRODUCTION', force: true, idempotencyKey: 'once' };
    const results = await Promise.all(Array.from({ length: 10 }, () => move(server, args)));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]!.changes).toHaveLength(2);
    expect((await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from stage_change'))[0]!.n).toBe(before + 2);
  });

  it('keys older than 24 hours are pruned at start and are free again', async () => {
    await seedModel(server, 'pruned', 2);
    await move(server, { name: 'pruned', version: '1', stage: 'STAGING', idempotencyKey: 'old' });
    await sql(server.databaseUrl, "update idempotency_key set created_at = now() - interval '25 hours' where key = 'old'");
    // Past 24 hours a key is free even before the pruner ran.
    expect((await move(server, { name: 'pruned', version: '2', stage: 'STAGING', force: true, idempotencyKey: 'old' })).changes).toHaveLength(2);
    await sql(server.databaseUrl, "update idempotency_key set created_at = now() - interval '25 hours' where key = 'old'");
    const { pruneIdempotencyKeys } = await import('../src/services/idempotency.js');
    expect(await pruneIdempotencyKeys(server.app.orm.em.fork())).toBeGreaterThanOrEqual(1);
    expect(await sql(server.databaseUrl, "select count(*)::int as n from idempotency_key where key = 'old'")).toEqual([{ n: 0 }]);
  });
});
