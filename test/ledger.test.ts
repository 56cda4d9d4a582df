/**
 * setStage as a pipeline uses it (compare-and-set, dry runs, reasons) and the ledger of who held
 * each stage (holderAt, stagePeriods), against a real server and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage } from './support/fixtures.js';
import { move, snapshot } from './support/ledger.js';
import { startTestServer, type TestServer } from './support/server.js';
import { sseSubscribe, wsSubscribe } from './support/subscribers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('setStage with expectedHolder', () => {
  it('moves when the named version holds the stage (by name, by number) or, given "none", when none does', async () => {
    await seedModel(server, 'cas', 3);
    expect(await move(server, { name: 'cas', version: '1', stage: 'PRODUCTION', expectedHolder: 'none' })).toMatchObject({ __typename: 'SetStageSuccess' });
    expect(await move(server, { name: 'cas', version: '2', stage: 'PRODUCTION', force: true, expectedHolder: '1' })).toMatchObject({
      __typename: 'SetStageSuccess',
      archived: [{ number: 1, stage: 'ARCHIVED' }],
    });
    expect(await move(server, { name: 'cas', version: '3', stage: 'STAGING', expectedHolder: 'NONE' })).toMatchObject({ __typename: 'SetStageSuccess' });
  });

  it('refuses with the actual holder when it does not match, changing nothing, even with force', async () => {
    await seedModel(server, 'cas-refused', 3);
    await setStage(server, 'cas-refused', '1', 'PRODUCTION');
    const before = await snapshot(server);
    for (const expectedHolder of ['2', 'none', 'no-such-version']) {
      const refused = await move(server, { name: 'cas-refused', version: '3', stage: 'PRODUCTION', force: true, expectedHolder });
      expect(refused).toMatchObject({ __typename: 'PreconditionFailedError', code: 'PRECONDITION_FAILED', actualHolder: { number: 1, stage: 'PRODUCTION' } });
    }
    const free = await move(server, { name: 'cas-refused', version: '3', stage: 'STAGING', expectedHolder: '1' });
    expect(free).toMatchObject({ __typename: 'PreconditionFailedError', actualHolder: null });
    expect(await snapshot(server)).toEqual(before);
  });

  it('does not replace force: a matching holder still needs force to be displaced', async () => {
    await seedModel(server, 'cas-force', 2);
    await setStage(server, 'cas-force', '1', 'PRODUCTION');
    expect(await move(server, { name: 'cas-force', version: '2', stage: 'PRODUCTION', expectedHolder: '1' })).toMatchObject({
      __typename: 'StageConflictError',
      holder: { number: 1 },
    });
  });

  it('20 concurrent compare-and-set promotions: one winner, 19 PRECONDITION_FAILED naming it', async () => {
    await seedModel(server, 'cas-race', 21);
    await setStage(server, 'cas-race', '1', 'PRODUCTION');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => move(server, { name: 'cas-race', version: String(i + 2), stage: 'PRODUCTION', force: true, expectedHolder: '1' })),
    );
    const winners = results.filter((result) => result.__typename === 'SetStageSuccess');
    expect(winners).toHaveLength(1);
    const losers = results.filter((result) => result.__typename === 'PreconditionFailedError');
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser.actualHolder).toEqual({ name: winners[0]!.modelVersion.name, number: winners[0]!.modelVersion.number, stage: 'PRODUCTION' });
    const production = await server.ok<any>('{ model(name: "cas-race") { versions(first: 100, stage: PRODUCTION) { edges { node { number } } } } }');
    expect(production.model.versions.edges).toEqual([{ node: { number: winners[0]!.modelVersion.number } }]);
  });
});

describe('setStage with dryRun', () => {
  it('previews a forced move with the versions it would archive, and changes nothing', async () => {
    await seedModel(server, 'dry', 2);
    await setStage(server, 'dry', '1', 'PRODUCTION');
    const before = await snapshot(server);
    const preview = await move(server, { name: 'dry', version: '2', stage: 'PRODUCTION', force: true, dryRun: true, reason: 'would' });
    expect(preview).toEqual({
      __typename: 'SetStagePreview',
      modelVersion: { name: '2', number: 2, stage: 'NONE' },
      from: 'NONE',
      to: 'PRODUCTION',
      archived: [{ name: '1', number: 1, stage: 'PRODUCTION' }],
      noop: false,
    });
    expect(await move(server, { name: 'dry', version: '1', stage: 'PRODUCTION', dryRun: true })).toMatchObject({ __typename: 'SetStagePreview', noop: true, archived: [] });
    expect(await snapshot(server)).toEqual(before);
  });

  it('answers the very error the real call would get', async () => {
    await seedModel(server, 'dry-errors', 2);
    await setStage(server, 'dry-errors', '1', 'STAGING');
    const dry = (args: Partial<Parameters<typeof move>[1]>) => move(server, { name: 'dry-errors', version: '2', stage: 'STAGING', dryRun: true, ...args });
    expect(await dry({})).toMatchObject({ __typename: 'StageConflictError', holder: { number: 1 } });
    expect(await dry({ version: '9' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await dry({ name: 'no-such-model' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await dry({ stage: 'LATEST' })).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_STAGE' });
    expect(await dry({ force: true, expectedHolder: '2' })).toMatchObject({ __typename: 'PreconditionFailedError', actualHolder: { number: 1 } });
    expect(await dry({ reason: 'x'.repeat(1001) })).toMatchObject({ __typename: 'ValidationError', field: 'reason' });
  });

  it('needs the scopes of the real call', async () => {
    await seedModel(server, 'dry-scopes', 1);
    const writer = await server.token(['WRITE']);
    const refused = await server.gql(
      'mutation { setStage(name: "dry-scopes", version: "1", stage: PRODUCTION, dryRun: true) { __typename } }',
      {},
      writer,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await move(server, { name: 'dry-scopes', version: '1', stage: 'STAGING', dryRun: true }, writer)).__typename).toBe('SetStagePreview');
  });

  it('announces nothing to subscribers (graphql-ws and SSE); the real call that follows is the first event', async () => {
    await seedModel(server, 'dry-quiet', 2);
    const ws = await wsSubscribe(server.url, { name: 'dry-quiet' });
    const sse = await sseSubscribe(server.url, { name: 'dry-quiet' });
    try {
      for (let i = 0; i < 3; i += 1) await move(server, { name: 'dry-quiet', version: '1', stage: 'PRODUCTION', dryRun: true });
      await move(server, { name: 'dry-quiet', version: '2', stage: 'STAGING' });
      for (const subscriber of [ws, sse]) {
        const [first] = await subscriber.waitFor(1);
        expect(first).toMatchObject({ to: 'STAGING', modelVersion: { number: 2 } });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ws.events).toHaveLength(1);
      expect(sse.events).toHaveLength(1);
    } finally {
      await ws.close();
      await sse.close();
    }
  });
});

describe('setStage with reason, and bad input', () => {
  it('keeps the reason on every row the call commits, the displaced holder\'s included; approvedBy is empty', async () => {
    await seedModel(server, 'reasons', 2);
    await setStage(server, 'reasons', '1', 'PRODUCTION');
    const moved = await move(server, { name: 'reasons', version: '2', stage: 'PRODUCTION', force: true, reason: 'ticket ML-42: better recall' });
    expect(moved.changes.map((change: any) => [change.reason, change.approvedBy])).toEqual([
      ['ticket ML-42: better recall', []],
      ['ticket ML-42: better recall', []],
    ]);
    const log = await server.ok<any>('{ stageChanges(model: "reasons") { edges { node { reason approvedBy } } } }');
    expect(log.stageChanges.edges.map((edge: any) => edge.node.reason)).toEqual([null, 'ticket ML-42: better recall', 'ticket ML-42: better recall']);
    expect((await move(server, { name: 'reasons', version: '1', stage: 'STAGING', reason: 'ü'.repeat(1000) })).changes[0]!.reason).toHaveLength(1000);
  });

  it("refuses the issue's bad inputs with a ValidationError naming the field, changing nothing", async () => {
    await seedModel(server, 'bad-input', 2);
    await setStage(server, 'bad-input', '1', 'PRODUCTION');
    const before = await snapshot(server);
    const cases: [Partial<Parameters<typeof move>[1]>, string, string][] = [
      [{ stage: 'ARCHIVED', expectedHolder: '1' }, 'expectedHolder', 'INVALID_INPUT'],
      [{ stage: 'NONE', expectedHolder: 'none' }, 'expectedHolder', 'INVALID_INPUT'],
      [{ reason: 'x'.repeat(1001) }, 'reason', 'INVALID_INPUT'],
      [{ idempotencyKey: '' }, 'idempotencyKey', 'INVALID_INPUT'],
      [{ idempotencyKey: 'k'.repeat(256) }, 'idempotencyKey', 'INVALID_INPUT'],
      [{ reason: 'a\u0000b' }, 'reason', 'INVALID_INPUT'],
      [{ idempotencyKey: 'a\u0000b' }, 'idempotencyKey', 'INVALID_INPUT'],
      [{ expectedHolder: '1\u0000' }, 'expectedHolder', 'INVALID_INPUT'],
      [{ version: '2\u0000' }, 'version', 'INVALID_INPUT'],
      [{ name: 'bad-input\u0000' }, 'name', 'INVALID_INPUT'],
    ];
    for (const [args, field, code] of cases) {
      const refused = await move(server, { name: 'bad-input', version: '2', stage: 'PRODUCTION', force: true, ...args });
      expect(refused, JSON.stringify(args).slice(0, 80)).toMatchObject({ __typename: 'ValidationError', field, code });
    }
    expect(await snapshot(server)).toEqual(before);
  });
});

describe('the ledger', () => {
  const HOLDER_AT = 'query($name: String!, $stage: ModelStage!, $at: DateTime!) { model(name: $name) { holderAt(stage: $stage, at: $at) { number deletedAt } } }';
  const holderAt = async (name: string, stage: string, at: string) =>
    (await server.ok<any>(HOLDER_AT, { name, stage, at })).model.holderAt?.number ?? null;
  const atOffset = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

  it('holderAt: exactly at each change the version it moved in holds the stage; 1 ms before, the one before', async () => {
    await seedModel(server, 'holders', 3);
    const changes: { occurredAt: string; number: number | null }[] = [];
    const record = async (version: string, stage: string, force = false) => {
      const moved = await move(server, { name: 'holders', version, stage, force });
      for (const change of moved.changes) changes.push({ occurredAt: change.occurredAt, number: change.to === 'PRODUCTION' ? change.modelVersion.number : null });
      // Changes of different calls a few milliseconds apart, so "1 ms before" falls between them.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await record('1', 'PRODUCTION');
    await record('2', 'PRODUCTION', true);
    await record('2', 'ARCHIVED');
    await record('3', 'PRODUCTION');
    await record('1', 'PRODUCTION', true);
    let previous: number | null = null;
    for (const { occurredAt, number } of changes) {
      // The last row of a call at that instant decides (the displaced row comes first).
      const holderNow = changes.filter((change) => change.occurredAt <= occurredAt).at(-1)!.number;
      expect(await holderAt('holders', 'PRODUCTION', occurredAt), occurredAt).toBe(holderNow);
      if (holderNow !== number) continue;
      expect(await holderAt('holders', 'PRODUCTION', atOffset(occurredAt, -1)), `1 ms before ${occurredAt}`).toBe(previous);
      previous = number;
    }
    expect(await holderAt('holders', 'PRODUCTION', atOffset(changes[0]!.occurredAt, -60_000))).toBeNull();
    expect(await holderAt('holders', 'PRODUCTION', atOffset(changes.at(-1)!.occurredAt, 60_000))).toBe(1);
    expect(await holderAt('holders', 'STAGING', changes.at(-1)!.occurredAt)).toBeNull();
  });

  it('stagePeriods: every stay, current first, paged and resumed with after; deleted versions included', async () => {
    await seedModel(server, 'periods', 3);
    await setStage(server, 'periods', '1', 'PRODUCTION');
    await setStage(server, 'periods', '2', 'PRODUCTION', true);
    await setStage(server, 'periods', '1', 'PRODUCTION', true);
    await setStage(server, 'periods', '2', 'ARCHIVED');
    await server.ok('mutation { deleteModelVersion(model: "periods", version: "2") { __typename } }');
    await setStage(server, 'periods', '3', 'PRODUCTION', true);
    const PERIODS = `query($after: String) { model(name: "periods") { stagePeriods(stage: PRODUCTION, first: 2, after: $after) {
      edges { cursor node { stage since until modelVersion { number deletedAt } entered { to occurredAt } left { from to occurredAt } } }
      pageInfo { hasNextPage endCursor } } } }`;
    const stays: any[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await server.ok<any>(PERIODS, { after })).model.stagePeriods;
      stays.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(stays.map((stay) => [stay.modelVersion.number, stay.until === null, stay.modelVersion.deletedAt !== null])).toEqual([
      [3, true, false],
      [1, false, false],
      [2, false, true],
      [1, false, false],
    ]);
    for (const stay of stays) {
      expect(stay.stage).toBe('PRODUCTION');
      expect(stay.since).toBe(stay.entered.occurredAt);
      if (stay.left) expect([stay.left.from, stay.until]).toEqual(['PRODUCTION', stay.left.occurredAt]);
    }
    expect(stays[0].since >= stays[1].until).toBe(true);
  });

  it('refuses other stages and bad cursors with BAD_USER_INPUT', async () => {
    await seedModel(server, 'ledger-bad', 1);
    for (const query of [
      '{ model(name: "ledger-bad") { holderAt(stage: ARCHIVED, at: "2026-01-01T00:00:00.000Z") { number } } }',
      '{ model(name: "ledger-bad") { holderAt(stage: LATEST, at: "2026-01-01T00:00:00.000Z") { number } } }',
      '{ model(name: "ledger-bad") { stagePeriods(stage: NONE) { edges { cursor } } } }',
      '{ model(name: "ledger-bad") { stagePeriods(stage: STAGING, after: "nope") { edges { cursor } } } }',
      '{ model(name: "ledger-bad") { stagePeriods(stage: STAGING, first: 101) { edges { cursor } } } }',
    ]) {
      expect((await server.gql(query)).errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });
});
