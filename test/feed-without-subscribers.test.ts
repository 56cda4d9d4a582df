/**
 * A live feed with no subscriber on its instance reads no log rows: a notification moves its head
 * to the position it names, a catch-up pass reads only the log's head. Here a LogFeed of the
 * stage log, driven by hand, over the server's database, with a source that counts its reads and
 * can hold a head read back, to prove that a subscriber attaching meanwhile still gets every
 * change once and in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StageChange } from '../src/entities/index.js';
import { LogFeed, type FeedSource } from '../src/live/log-feed.js';
import { Revocations } from '../src/live/revocations.js';
import { logHead, readLogAfter } from '../src/live/stage-log.js';
import { seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The stage log as StageFeed reads it, counting row reads; `holdHead()` keeps the next head read from being sent until released. */
function countingSource() {
  let rowReads = 0;
  let gate: Promise<void> | undefined;
  const source: FeedSource<StageChange> = {
    head: async (em: EntityManager) => {
      if (gate) {
        const waiting = gate;
        gate = undefined;
        await waiting;
      }
      return logHead(em);
    },
    readAfter: (em, after, options) => {
      rowReads += 1;
      return readLogAfter(em, after, options);
    },
    modelName: (change) => change.model.unwrap().name,
    overflowReason: () => 'behind',
  };
  return {
    source,
    rowReads: () => rowReads,
    holdHead: () => {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
}

async function newestPosition(): Promise<string> {
  return logHead(server.app.orm.em.fork());
}

/** Two forced promotions of `model` (versions 1 and 2 in turn): three log rows the first time, four after. */
async function promoteTwice(model: string): Promise<void> {
  expect((await setStage(server, model, '1', 'PRODUCTION', true)).__typename).toBe('SetStageSuccess');
  expect((await setStage(server, model, '2', 'PRODUCTION', true)).__typename).toBe('SetStageSuccess');
}

/** The next `count` changes' ids; the first may be a next() already asked for (to start the stream early). */
async function take(iterator: AsyncIterator<StageChange>, count: number, pending?: Promise<IteratorResult<StageChange>>): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const asked = ids.length === 0 && pending ? pending : iterator.next();
    const next = await Promise.race([asked, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000))]);
    if (next === 'timeout' || next.done) throw new Error(`expected ${count} changes, got ${ids.length}`);
    ids.push(next.value.id);
  }
  return ids;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function idsAfter(after: string, model: string): Promise<string[]> {
  return (await readLogAfter(server.app.orm.em.fork(), after, { modelName: model, limit: 100 })).map((change) => change.id);
}

describe('a live feed with no subscriber', () => {
  it('moves its head on notifications and catch-ups without reading log rows', async () => {
    const model = await seedModel(server, 'unheard', 2);
    const counting = countingSource();
    const feed = new LogFeed(server.app.orm, counting.source, new Revocations());
    await feed.start();
    try {
      await promoteTwice(model);
      const newest = await newestPosition();
      feed.notified(newest);
      expect(feed.deliveredCursor).toBe(newest);
      await promoteTwice(model);
      // A catch-up (reconnection, safety poll, a payload it cannot use) reads the head only.
      feed.notified(undefined);
      await feed.pump();
      expect(feed.deliveredCursor).toBe(await newestPosition());
      expect(counting.rowReads()).toBe(0);
    } finally {
      feed.stop();
    }
  });

  it('gives a subscriber that attaches later its replay, then every change live, once and in order', async () => {
    const model = await seedModel(server, 'late-listener', 2);
    const feed = new LogFeed(server.app.orm, countingSource().source, new Revocations());
    await feed.start();
    const stream = (options: { after?: string }) => feed.subscribe({ modelName: model, tokenId: null, ...options })[Symbol.asyncIterator]();
    try {
      const before = await newestPosition();
      await promoteTwice(model);
      feed.notified(await newestPosition());
      const replaying = stream({ after: before });
      const replay = await idsAfter(before, model);
      expect(replay).toHaveLength(3);
      expect(await take(replaying, 3)).toEqual(replay);
      const live = stream({});
      const liveFirst = live.next();
      await waitFor(() => feed.subscriberCount === 2);
      // Both attached: the next notification is read and fanned out.
      const attached = await newestPosition();
      await promoteTwice(model);
      feed.notified(await newestPosition());
      const fresh = await idsAfter(attached, model);
      expect(fresh).toHaveLength(4);
      expect(await take(replaying, 4)).toEqual(fresh);
      expect(await take(live, 4, liveFirst)).toEqual(fresh);
      await replaying.return?.();
      await live.return?.();
    } finally {
      feed.stop();
    }
  });

  it('reads the rows for a subscriber that attached while its head was being read', async () => {
    const model = await seedModel(server, 'attached-meanwhile', 2);
    const counting = countingSource();
    const feed = new LogFeed(server.app.orm, counting.source, new Revocations());
    await feed.start();
    try {
      const after = await newestPosition();
      // A catch-up with nobody listening starts; its head read is held back.
      const release = counting.holdHead();
      const catchUp = feed.pump();
      // A subscriber attaches and replays (nothing yet), then two promotions commit, unannounced.
      const iterator = feed.subscribe({ modelName: model, after, tokenId: null })[Symbol.asyncIterator]();
      const first = iterator.next();
      await waitFor(() => feed.subscriberCount === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await promoteTwice(model);
      // The held head read now sees them: the feed must read them for the subscriber, not just move past them.
      release();
      await catchUp;
      const expected = await idsAfter(after, model);
      expect(expected).toHaveLength(3);
      expect(await take(iterator, 3, first)).toEqual(expected);
      expect(feed.deliveredCursor).toBe(await newestPosition());
      await iterator.return?.();
    } finally {
      feed.stop();
    }
  });
});
