import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRead, whyStale, type JudgedRead, type ReadKind, type ReadRequest } from './support/read-judge.js';
import {
  createModelWrite,
  createVersionWrite,
  holderOf,
  ModelWriter,
  newestOf,
  scriptOf,
  setStageWrite,
  sqlTombstoneWrite,
  sqlUpdateWrite,
  type PlannedWrite,
  type VersionState,
} from './support/registry-history.js';
import { startCluster, type TestServer } from './support/server.js';

/**
 * The contract's Consistency promise, from the outside: a write that has answered is seen by
 * every later read, on any instance serving the same database. Two instances, A and B, on one
 * database; writes go through A (or past the API, in SQL), reads through B (and A). Whatever a
 * server caches and however it keeps that fresh, a read must answer a state at least as new as
 * the last write that had answered before the read was sent (support/read-judge.ts says exactly
 * which states count). Only the public GraphQL API is read, so this holds for any design.
 */

let cluster: Awaited<ReturnType<typeof startCluster>>;
let a: TestServer;
let b: TestServer;
let admin: pg.Client;
beforeAll(async () => {
  cluster = await startCluster();
  a = await cluster.start();
  b = await cluster.start();
  admin = new pg.Client({ connectionString: a.databaseUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await cluster?.close();
});

/**
 * The writers of the race run for RACE_MS, and on until the readers have made RACE_READS reads
 * (a loaded machine reads slower), but never past RACE_MAX_MS; readers read until they stop.
 */
const RACE_MS = 4_000;
const RACE_READS = 1_200;
const RACE_MAX_MS = 10_000;

function randomRead(writers: ModelWriter[]): ReadRequest {
  const writer = writers[Math.floor(Math.random() * writers.length)]!;
  const name = writer.name;
  const r = Math.random();
  if (r < 0.25) return { kind: 'holder', name, stage: 'PRODUCTION' };
  if (r < 0.45) return { kind: 'holder', name, stage: 'STAGING' };
  if (r < 0.65) return { kind: 'latest', name };
  if (r < 0.92) return { kind: 'byNumber', name, number: 1 + Math.floor(Math.random() * (writer.current.lastNumber + 1)) };
  return { kind: 'models' };
}

/**
 * Reads that together show all of one model: both holders, LATEST, its live versions by number,
 * and the newest number ever given (deleted when LATEST has just moved back).
 */
function everyRead(writer: ModelWriter): ReadRequest[] {
  const name = writer.name;
  const { versions, lastNumber } = writer.current;
  const numbers = new Set([...versions.map((v) => v.number), ...(lastNumber > 0 ? [lastNumber] : [])]);
  return [
    { kind: 'holder', name, stage: 'PRODUCTION' },
    { kind: 'holder', name, stage: 'STAGING' },
    { kind: 'latest', name },
    ...[...numbers].map((number): ReadRequest => ({ kind: 'byNumber', name, number })),
  ];
}

/** Sends reads at once through `server` and returns them judged. */
const readAll = (server: TestServer, instance: string, writers: ModelWriter[], requests: ReadRequest[]) =>
  Promise.all(requests.map((request) => sendRead(server, instance, writers, request)));

function staleOf(reads: JudgedRead[], writers: ModelWriter[]): string[] {
  return reads.map((read) => whyStale(read, writers)).filter((reason): reason is string => reason !== null);
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Writes through A, each awaited, then every read of the model through B at once, judged in turn. */
async function writeThenRead(writer: ModelWriter, write: PlannedWrite, reads: JudgedRead[]): Promise<void> {
  await writer.run(write);
  reads.push(...(await readAll(b, 'B', [writer], everyRead(writer))));
}

describe('read-your-writes across two instances on one database', { timeout: 60_000 }, () => {
  it('readers on B and A never see a state older than the last answered write, while writes race through A', async () => {
    const writers = ['race-alpha', 'race-beta', 'race-gamma'].map((name) => new ModelWriter(name));
    const reads: JudgedRead[] = [];
    let writing = true;
    const started = Date.now();
    const enough = () => Date.now() - started > RACE_MAX_MS || (Date.now() - started > RACE_MS && reads.length >= RACE_READS);
    // One writer per model (one write at a time each), all through A; the models are independent.
    const written = Promise.all(
      writers.map(async (writer, i) => {
        for (const plan of scriptOf(writer, { server: a }, 2 + i)) {
          await writer.run(plan());
          if (enough()) break;
        }
      }),
    ).finally(() => (writing = false));
    const readers = [...Array<string>(6).fill('B'), ...Array<string>(2).fill('A')].map(async (instance) => {
      const server = instance === 'B' ? b : a;
      while (writing) reads.push(await sendRead(server, instance, writers, randomRead(writers)));
    });
    await Promise.all([written, ...readers]);

    const stale = staleOf(reads, writers);
    const writes = writers.reduce((sum, writer) => sum + writer.sent, 0);
    const racing = reads.filter((read) => Object.values(read.windows).some(([lo, hi]) => hi > lo)).length;
    const byKind = countBy(reads, (read) => read.read.kind);
    const byInstance = countBy(reads, (read) => read.instance);
    console.log(
      `read consistency race, ${Date.now() - started} ms: ${writes} writes through A, ${reads.length} reads (${JSON.stringify(byInstance)}, ${JSON.stringify(byKind)}), ` +
        `${racing} with a write in flight or answered meanwhile, ${stale.length} stale`,
    );
    expect(stale.slice(0, 5)).toEqual([]);
    // Settled: every read agrees with the test's model of the registry (a check of the model itself).
    const settled = await Promise.all(writers.map((writer) => readAll(b, 'B', writers, everyRead(writer))));
    expect(staleOf(settled.flat(), writers)).toEqual([]);
    // Enough happened to mean something, on a loaded 2-core machine.
    expect(writes).toBeGreaterThan(60);
    expect(reads.length).toBeGreaterThan(500);
    expect(byInstance.B).toBeGreaterThan(300);
    expect(racing).toBeGreaterThan(300);
    for (const kind of ['holder', 'byNumber', 'latest', 'models'] satisfies ReadKind[]) expect(byKind[kind]).toBeGreaterThan(10);
    // The models were deleted and created again under their names while being read.
    for (const writer of writers) expect(writer.labels.filter((label) => label.startsWith('deleteModel ')).length).toBeGreaterThan(0);
  });

  it('a read through B the moment a write through A answers sees it, 300 writes in a row', async () => {
    const writer = new ModelWriter('tight-loop');
    const reads: JudgedRead[] = [];
    for (const plan of scriptOf(writer, { server: a }, 6)) {
      await writeThenRead(writer, plan(), reads);
      if (writer.sent >= 300) break;
    }
    const stale = staleOf(reads, [writer]);
    console.log(`read-your-writes A → B: ${writer.sent} writes, ${reads.length} reads, ${stale.length} stale`);
    expect(stale.slice(0, 5)).toEqual([]);
    expect(reads.length).toBeGreaterThan(1_000);
  });

  it('a plain SQL UPDATE of a version, past the application, is seen by the next read through B', async () => {
    const writer = new ModelWriter('sql-edits');
    const target = { server: a, sql: admin };
    const reads: JudgedRead[] = [];
    await writer.run(createModelWrite(target, writer.name));
    for (let i = 1; i <= 4; i += 1) await writer.run(createVersionWrite(target, writer.name, writer.current, { description: `v${i}` }));
    await writer.run(setStageWrite(target, writer.name, writer.current, 2, 'PRODUCTION'));
    await writer.run(setStageWrite(target, writer.name, writer.current, 1, 'STAGING'));
    let buried: VersionState | null = null;
    for (let i = 0; i < 120; i += 1) {
      // B has just answered every read of the model: whatever it caches is warm.
      reads.push(...(await readAll(b, 'B', [writer], everyRead(writer))));
      const s = writer.current;
      const number = [holderOf(s, 'PRODUCTION')!, holderOf(s, 'STAGING')!, newestOf(s)!][i % 3]!.number;
      let write: PlannedWrite;
      if (i % 4 === 0) write = sqlUpdateWrite(target, writer.name, s, number, { description: `sql ${i}` });
      else if (i % 4 === 1) write = sqlUpdateWrite(target, writer.name, s, number, { tags: [`sql-${i}`, 'direct'] });
      else if (i % 4 === 2) write = sqlUpdateWrite(target, writer.name, s, number, { metadata: { sql: i, accuracy: i / 1000 } });
      else if (buried) {
        write = sqlTombstoneWrite(target, writer.name, s, buried, false);
        buried = null;
      } else {
        buried = newestOf(s)!;
        write = sqlTombstoneWrite(target, writer.name, s, buried, true); // LATEST moves back to 3
      }
      await writeThenRead(writer, write, reads);
    }
    const stale = staleOf(reads, [writer]);
    console.log(`SQL writes → B: ${writer.sent} writes, ${reads.length} reads, ${stale.length} stale`);
    expect(stale.slice(0, 5)).toEqual([]);
    expect(reads.length).toBeGreaterThan(1_000);
  });

  it("with B's LISTEN connection terminated again and again, reads through B right after writes are never stale", async () => {
    const writer = new ModelWriter('listen-cut');
    const target = { server: a, sql: admin };
    const reads: JudgedRead[] = [];
    const cut: number[] = [];
    const script = scriptOf(writer, target, 5);
    for (let i = 0; i < 150; i += 1) {
      // Terminated at once before a write: B may not even have noticed when it reads.
      if (i % 8 === 4) cut.push(...(await terminateListeners(b, a)));
      await writeThenRead(writer, script.next().value!(), reads);
      const newest = newestOf(writer.current);
      if (i % 3 === 0 && newest) await writeThenRead(writer, sqlUpdateWrite(target, writer.name, writer.current, newest.number, { description: `cut ${i}` }), reads);
    }
    const stale = staleOf(reads, [writer]);
    console.log(`LISTEN cut ${cut.length} times: ${writer.sent} writes, ${reads.length} reads through B, ${stale.length} stale`);
    expect(stale.slice(0, 5)).toEqual([]);
    expect(cut.length).toBeGreaterThanOrEqual(10);
    // And B listens again, on a new connection.
    const deadline = Date.now() + 10_000;
    while (b.app.listener.backendPid === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.app.listener.backendPid).toBeDefined();
    expect(cut).not.toContain(b.app.listener.backendPid);
  });
});

/**
 * Terminates the LISTEN connections of `victim`: the one it exposes, and any other connection
 * of the database whose last statement was a LISTEN but `spared`'s (a design may listen on
 * more than one). Answers the pids terminated; none while the victim is reconnecting.
 */
async function terminateListeners(victim: TestServer, spared: TestServer): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%' and pid <> all($1::int[])`,
    [[spared.app.listener.backendPid ?? 0]],
  );
  const pids = new Set(rows.map((row) => row.pid));
  if (victim.app.listener.backendPid !== undefined) pids.add(victim.app.listener.backendPid);
  for (const pid of pids) await admin.query('select pg_terminate_backend($1)', [pid]);
  return [...pids];
}
