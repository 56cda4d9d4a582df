import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { setStage as setStageService } from '../src/services/promotion.js';
import { sql } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { sseSubscribe, wsSubscribe, type Change } from './support/subscribers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const summary = (changes: Change[]) => changes.map((c) => `${c.model.name}:${c.modelVersion.name}:${c.from}>${c.to}`);

/** The committed log of one model, as the database has it. */
async function logOf(databaseUrl: string, model: string): Promise<string[]> {
  const rows = await sql<{ cursor: string }>(
    databaseUrl,
    `select c.id::text as cursor from stage_change c join model m on m.id = c.model_id where m.name = $1 order by c.id`,
    [model],
  );
  return rows.map((row) => row.cursor);
}

describe('stageChanged', () => {
  it('delivers committed changes in order, with every field, over graphql-ws and SSE', async () => {
    await seedModel(server, 'live', 2);
    const ws = await wsSubscribe(server.url, { name: 'live' });
    const sse = await sseSubscribe(server.url, { name: 'live' });
    await setStage(server, 'live', '1', 'STAGING');
    await setStage(server, 'live', '1', 'PRODUCTION');
    const forced = await setStage(server, 'live', '2', 'PRODUCTION', true);
    for (const subscriber of [ws, sse]) {
      const events = await subscriber.waitFor(4);
      expect(summary(events)).toEqual(['live:1:NONE>STAGING', 'live:1:STAGING>PRODUCTION', 'live:1:PRODUCTION>ARCHIVED', 'live:2:NONE>PRODUCTION']);
      expect(events[0]).toMatchObject({ forced: false, displaced: false, actor: 'admin', model: { name: 'live' } });
      expect(events[0]!.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // Both rows of the forced move: one transaction, both forced, the holder displaced.
      expect(events[2]).toMatchObject({ forced: true, displaced: true, transactionId: events[3]!.transactionId });
      expect(events[3]).toMatchObject({ forced: true, displaced: false });
      expect(events.slice(2).map((e) => e.cursor)).toEqual(forced.changes.map((c: { cursor: string }) => c.cursor));
      const cursors = events.map((e) => BigInt(e.cursor));
      expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      await subscriber.close();
    }
  });

  it('keeps only the named model', async () => {
    await seedModel(server, 'watched', 1);
    await seedModel(server, 'ignored', 1);
    const subscriber = await wsSubscribe(server.url, { name: 'watched', after: '0' });
    await setStage(server, 'ignored', '1', 'STAGING');
    await setStage(server, 'watched', '1', 'STAGING');
    await setStage(server, 'ignored', '1', 'PRODUCTION');
    await setStage(server, 'watched', '1', 'PRODUCTION');
    await subscriber.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(summary(subscriber.events)).toEqual(['watched:1:NONE>STAGING', 'watched:1:STAGING>PRODUCTION']);
    await subscriber.close();
  });

  it('announces nothing for a conflict or a rolled-back transaction', async () => {
    await seedModel(server, 'quiet', 2);
    await setStage(server, 'quiet', '1', 'PRODUCTION');
    const subscriber = await wsSubscribe(server.url, { name: 'quiet' });
    expect((await setStage(server, 'quiet', '2', 'PRODUCTION')).__typename).toBe('StageConflictError');
    // A promotion whose transaction fails after the log append and the NOTIFY.
    await expect(
      server.app.orm.em.fork().transactional(async (tx) => {
        const outcome = await setStageService(tx, { model: 'quiet', version: '2', stage: 'staging', actor: 'test' });
        expect(outcome).toHaveProperty('changes');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await setStage(server, 'quiet', '2', 'ARCHIVED');
    const [only] = await subscriber.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(summary(subscriber.events)).toEqual(['quiet:2:NONE>ARCHIVED']);
    expect(only!.to).toBe('ARCHIVED');
    await subscriber.close();
  });

  it('resumes with after: exactly the missed changes, then live ones', async () => {
    await seedModel(server, 'resume', 6);
    const first = await setStage(server, 'resume', '1', 'ARCHIVED');
    const lastSeen = first.changes[0]!.cursor;
    for (const v of ['2', '3', '4', '5', '6']) await setStage(server, 'resume', v, 'ARCHIVED'); // missed while away
    const subscriber = await wsSubscribe(server.url, { name: 'resume', after: lastSeen });
    const replayed = await subscriber.waitFor(5);
    expect(summary(replayed)).toEqual(['2', '3', '4', '5', '6'].map((v) => `resume:${v}:NONE>ARCHIVED`));
    await setStage(server, 'resume', '6', 'PRODUCTION');
    const all = await subscriber.waitFor(6);
    expect(summary(all).at(-1)).toBe('resume:6:ARCHIVED>PRODUCTION');
    expect(all.map((c) => c.cursor)).toEqual((await logOf(server.databaseUrl, 'resume')).slice(1));
    await subscriber.close();
  });

  it('loses and doubles nothing when changes commit during the replay', async () => {
    await seedModel(server, 'busy', 20);
    for (let round = 0; round < 3; round += 1) {
      for (let v = 1; v <= 20; v += 1) await setStage(server, 'busy', String(v), round % 2 ? 'ARCHIVED' : 'STAGING', true);
    }
    // Promotions keep committing while a subscriber replays the whole log from the start.
    const writer = (async () => {
      for (let v = 1; v <= 20; v += 1) await setStage(server, 'busy', String(v), 'PRODUCTION', true);
    })();
    const subscriber = await wsSubscribe(server.url, { name: 'busy', after: '0' });
    await writer;
    const expected = await logOf(server.databaseUrl, 'busy');
    const events = await subscriber.waitFor(expected.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subscriber.events.map((c) => c.cursor)).toEqual(expected);
    expect(events.length).toBe(expected.length);
    await subscriber.close();
  });

  it('reconnects a dropped LISTEN connection and loses nothing', async () => {
    await seedModel(server, 'listen-drop', 10);
    const subscriber = await wsSubscribe(server.url, { name: 'listen-drop', after: '0' });
    const admin = new pg.Client({ connectionString: server.databaseUrl });
    await admin.connect();
    const pids: (number | undefined)[] = [];
    for (let v = 1; v <= 10; v += 1) {
      await setStage(server, 'listen-drop', String(v), 'STAGING', true);
      if (v % 3 === 0) {
        const pid = server.app.listener.backendPid;
        await admin.query('select pg_terminate_backend($1)', [pid]);
        pids.push(pid);
      }
    }
    await admin.end();
    // The instance listens again on a new connection (not just the safety poll catching up).
    const deadline = Date.now() + 5_000;
    while (server.app.listener.backendPid === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pids.includes(server.app.listener.backendPid)).toBe(false);
    expect(new Set(pids).size).toBeGreaterThan(1);
    const expected = await logOf(server.databaseUrl, 'listen-drop');
    await subscriber.waitFor(expected.length, 15_000);
    expect(subscriber.events.map((c) => c.cursor)).toEqual(expected);
    await subscriber.close();
  });

  it('rejects a malformed after cursor with BAD_USER_INPUT', async () => {
    const subscriber = await wsSubscribe(server.url, { after: 'yesterday' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(JSON.stringify(subscriber.errors)).toContain('after must be a stage-change cursor');
    await subscriber.close();
  });
});

describe('several instances on one database', () => {
  it('a subscriber on either sees every change committed through both, in the same order', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl });
    try {
      await seedModel(server, 'cluster', 10);
      const onFirst = await wsSubscribe(server.url, { name: 'cluster', after: '0' });
      const onSecond = await wsSubscribe(other.url, { name: 'cluster', after: '0' });
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => setStage(i % 2 ? server : other, 'cluster', String(i + 1), 'STAGING', true)),
      );
      const expected = await logOf(server.databaseUrl, 'cluster');
      expect(expected).toHaveLength(19);
      for (const subscriber of [onFirst, onSecond]) {
        await subscriber.waitFor(expected.length);
        expect(subscriber.events.map((c) => c.cursor)).toEqual(expected);
        await subscriber.close();
      }
    } finally {
      await other.app.stop();
    }
  });
});
