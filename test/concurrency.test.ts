import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, deleteVersion, seedModel, setStage, stagesOf } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const RACERS = 40;

describe('racing requests', () => {
  it('40 concurrent promotions to PRODUCTION: one wins, 39 conflict; forced ones leave one holder and a log that replays', async () => {
    await seedModel(server, 'race', RACERS);
    const plain = await Promise.all(Array.from({ length: RACERS }, (_, i) => setStage(server, 'race', String(i + 1), 'PRODUCTION')));
    const typenames = plain.map((result) => result.__typename);
    expect(typenames.filter((t) => t === 'SetStageSuccess')).toHaveLength(1);
    expect(typenames.filter((t) => t === 'StageConflictError')).toHaveLength(RACERS - 1);

    const forced = await Promise.all(Array.from({ length: RACERS }, (_, i) => setStage(server, 'race', String(i + 1), 'PRODUCTION', true)));
    expect(forced.every((result) => result.__typename === 'SetStageSuccess')).toBe(true);

    const stages = await stagesOf(server, 'race');
    expect(Object.values(stages).filter((stage) => stage === 'PRODUCTION')).toHaveLength(1);

    // Replaying the log from the beginning reproduces every version's final stage.
    const log = await sql<{ number: number; from_stage: string; to_stage: string }>(
      server.databaseUrl,
      `select v.number, c.from_stage, c.to_stage from stage_change c join model_version v on v.id = c.model_version_id
       join model m on m.id = c.model_id where m.name = 'race' order by c.id`,
    );
    const replayed: Record<number, string> = Object.fromEntries(Array.from({ length: RACERS }, (_, i) => [i + 1, 'NONE']));
    for (const row of log) {
      expect(replayed[row.number]).toBe(row.from_stage.toUpperCase());
      replayed[row.number] = row.to_stage.toUpperCase();
    }
    expect(replayed).toEqual(stages);
  });

  it('40 concurrent createModelVersion calls number 1 to 40 with no gap and no duplicate', async () => {
    await seedModel(server, 'numbering');
    const created = await Promise.all(Array.from({ length: RACERS }, () => createVersion(server, 'numbering')));
    const numbers = created.map((result) => result.modelVersion!.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: RACERS }, (_, i) => i + 1));
  });

  it('never reuses a number, even after the newest version is deleted', async () => {
    await seedModel(server, 'no-reuse', 2);
    expect((await deleteVersion(server, 'no-reuse', '2')).__typename).toBe('DeleteModelVersionSuccess');
    expect((await createVersion(server, 'no-reuse')).modelVersion).toMatchObject({ number: 3, name: '3' });
  });

  it('the database itself refuses a second PRODUCTION holder', async () => {
    await seedModel(server, 'index-guard', 2);
    await setStage(server, 'index-guard', '1', 'PRODUCTION');
    await expect(
      sql(server.databaseUrl, `update model_version set stage = 'production' where number = 2 and model_id = (select id from model where name = 'index-guard')`),
    ).rejects.toThrow(/model_version_unique_stage_holder/);
  });

  it('a promotion waiting on a locked version holds up no other model: the log lock is taken last', async () => {
    await seedModel(server, 'stuck', 1);
    await seedModel(server, 'free', 1);
    const blocker = new pg.Client({ connectionString: server.databaseUrl });
    await blocker.connect();
    try {
      // As an edit of version 1's metadata that has not committed yet would.
      await blocker.query('begin');
      await blocker.query("select v.id from model_version v join model m on m.id = v.model_id where m.name = 'stuck' for update of v");
      let stuckSettled = false;
      const stuck = setStage(server, 'stuck', '1', 'STAGING').finally(() => (stuckSettled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stuckSettled).toBe(false);
      // Another model's promotion goes through while the first one waits.
      expect((await setStage(server, 'free', '1', 'STAGING')).__typename).toBe('SetStageSuccess');
      expect(stuckSettled).toBe(false);
      await blocker.query('commit');
      expect((await stuck).__typename).toBe('SetStageSuccess');
    } finally {
      await blocker.end();
    }
  });

  it('a reader that has seen cursor N never later finds a new row below N', async () => {
    await seedModel(server, 'order-a', 15);
    await seedModel(server, 'order-b', 15);
    const reader = new pg.Client({ connectionString: server.databaseUrl });
    await reader.connect();
    const seen = new Set<string>();
    let highest = 0n;
    const lateRows: string[] = [];
    let racing = true;
    const poll = (async () => {
      while (racing) {
        const { rows } = await reader.query<{ id: string }>('select id::text from stage_change order by id');
        let newHighest = highest;
        for (const { id } of rows) {
          if (seen.has(id)) continue;
          seen.add(id);
          if (BigInt(id) <= highest) lateRows.push(id);
          if (BigInt(id) > newHighest) newHighest = BigInt(id);
        }
        highest = newHighest;
      }
    })();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => [
        setStage(server, 'order-a', String(i + 1), 'STAGING', true),
        setStage(server, 'order-b', String(i + 1), 'PRODUCTION', true),
      ]).flat(),
    );
    racing = false;
    await poll;
    await reader.end();
    expect(seen.size).toBeGreaterThanOrEqual(30);
    expect(lateRows).toEqual([]);
  });
});
