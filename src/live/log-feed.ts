import { Repeater } from 'graphql-yoga';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StageChange } from '../entities/index.js';
import { boundedPush } from './bounded-push.js';
import { FoldedRun } from './folded-run.js';
import type { Revocations } from './revocations.js';
import { logHead, readLogAfter } from './stage-log.js';

const BATCH = 500;
/** Belt and braces: even if a notification were lost, the log is read this often. */
const SAFETY_POLL_MS = 2_000;

export interface FeedSubscription {
  /** Keep one model's changes. */
  modelName?: string;
  /** Replay the log after this cursor first, then go live. */
  after?: string;
  /** Token behind the subscription, so that revoking it can end the stream. */
  tokenId: string | null;
  /** Called once when the consumer falls too far behind (the feed's queue limit). */
  onOverflow?: () => void;
}

/**
 * A table whose ids become visible in commit order, read by position. Its notifications carry
 * the highest id their transaction appended (or nothing): PostgreSQL delivers them after that
 * transaction committed, and the append lock makes every lower id committed (or vanished) by
 * then, so such a payload is a position the log has reached.
 */
export interface FeedSource<T extends { id: string }> {
  head(em: EntityManager): Promise<string>;
  readAfter(em: EntityManager, after: string, options: { modelName?: string; limit: number }): Promise<T[]>;
  modelName(item: T): string;
  /** Why a subscriber that fell behind was stopped, and how it may go on. */
  overflowReason(maxQueue: number, lastDelivered: string): string;
}

/**
 * Tails a committed log and fans it out to this instance's subscribers.
 *
 * Every row is read back from the log by cursor; notifications only say "read again". The log
 * makes ids visible in commit order (see stage-log.ts), so reading "after the last id delivered"
 * yields every committed row exactly once and in order, whether a notification was lost,
 * merged with another or the connection was down for a while.
 */
export class LogFeed<T extends { id: string }> {
  private readonly listeners = new Set<(item: T) => void>();
  /** Ends each open stream (on shutdown, so SSE responses finish instead of hanging). */
  private readonly enders = new Set<() => void>();
  private head = '0';
  /** Bumped whenever a listener is attached: tells a head read whether a subscriber arrived while it ran. */
  private attached = 0;
  private readonly reader = new FoldedRun(() => this.drain().catch((error: Error) => this.log(`reading the log of a live feed failed: ${error.message}`)));
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly source: FeedSource<T>,
    private readonly revocations: Revocations,
    private readonly log: (message: string) => void = () => undefined,
    /** Undelivered changes a subscriber may have before it counts as stalled. */
    private readonly maxQueue = 1_000,
  ) {}

  async start(): Promise<void> {
    this.head = await this.source.head(this.orm.em.fork());
    this.pollTimer = setInterval(() => this.pump(), SAFETY_POLL_MS);
    this.pollTimer.unref();
  }

  /** Stops polling and completes every open stream; clients resume with `after`. */
  stop(): void {
    clearInterval(this.pollTimer);
    for (const end of this.enders) end();
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** The last log position fanned out to this instance's subscribers (for the lag metric). */
  get deliveredCursor(): string {
    return this.head;
  }

  /** The log grew (or may have): read it. Concurrent calls fold into one pass. */
  pump(): Promise<void> {
    return this.reader.run();
  }

  /**
   * A notification of this feed's channel. With no subscriber on this instance there is nothing
   * to fan out, so the feed only moves its head to the position the payload names, reading
   * nothing: a subscriber that attaches later replays from its own cursor with a read sent after
   * this moment, which sees that position committed (see subscribe). Otherwise, or without a
   * usable payload, the log is read as always.
   */
  notified(payload: string | undefined): void {
    if (this.listeners.size === 0 && payload !== undefined && /^\d{1,18}$/.test(payload)) {
      this.advanceHead(payload);
      return;
    }
    void this.pump();
  }

  /**
   * A stream of committed changes. With `after`, the live listener is attached first and
   * buffers while the log is replayed; the buffer is then drained, dropping what the replay
   * already gave. A change therefore arrives once, whether it committed before, during or
   * after the replay.
   */
  subscribe(options: FeedSubscription): Repeater<T> {
    const { modelName, tokenId } = options;
    return new Repeater<T>(async (push, stop) => {
      let last = options.after ?? '0';
      // Live items wait until the replay behind `last` is done.
      let replaying = true;
      const buffered: T[] = [];
      const maxQueue = this.maxQueue;
      const enqueue = boundedPush(push, stop, {
        maxQueue,
        onOverflow: options.onOverflow,
        reason: () => this.source.overflowReason(maxQueue, last),
      });
      const deliver = (item: T) => {
        if (BigInt(item.id) <= BigInt(last)) return;
        last = item.id;
        enqueue(item);
      };
      const listener = (item: T) => {
        if (modelName !== undefined && this.source.modelName(item) !== modelName) return;
        if (replaying) buffered.push(item);
        else deliver(item);
      };
      const end = () => void stop();
      this.enders.add(end);
      const untrack = this.revocations.watch(tokenId, (error) => stop(error));

      try {
        const em = this.orm.em.fork();
        // Without `after`, "live from now" starts at the log's head as read now, not where this
        // instance's feed happens to be: a change committed just before the subscription but not
        // yet fanned out here is not announced to it. Read before listening, then replay from
        // there like any `after`, so a change committed in between is not lost either.
        if (options.after === undefined) last = await this.source.head(em);
        // Attached before the replay's read is sent: from here on the feed reads rows for this
        // listener instead of only moving its head (see notified and drain).
        this.listeners.add(listener);
        this.attached += 1;
        for (;;) {
          const rows = await this.source.readAfter(em, last, { modelName, limit: BATCH });
          rows.forEach(deliver);
          if (rows.length < BATCH) break;
          em.clear();
        }
        replaying = false;
        buffered.splice(0).forEach(deliver);
      } catch (error) {
        stop(error);
      }
      await stop;
      this.listeners.delete(listener);
      this.enders.delete(end);
      untrack();
    });
  }

  private async drain(): Promise<void> {
    const em = this.orm.em.fork();
    if (this.listeners.size === 0) {
      // Nobody to fan out to: the head alone, unless a subscriber attached while it was read. That
      // subscriber's replay may have been read before this head was, so the rows between the two
      // must then be read for it, from the old head, as below.
      const attached = this.attached;
      const head = await this.source.head(em);
      if (this.attached === attached) {
        this.advanceHead(head);
        return;
      }
    }
    for (;;) {
      const rows = await this.source.readAfter(em, this.head, { limit: BATCH });
      for (const item of rows) {
        this.advanceHead(item.id);
        for (const listener of this.listeners) listener(item);
      }
      if (rows.length < BATCH) return;
      em.clear();
    }
  }

  /** Never backwards: a head moved by a notification while a read was in flight stays. */
  private advanceHead(position: string): void {
    if (BigInt(position) > BigInt(this.head)) this.head = position;
  }
}

/** The committed stage-change log, fanned out to `stageChanged` subscribers. */
export class StageFeed extends LogFeed<StageChange> {
  constructor(orm: MikroORM, revocations: Revocations, log?: (message: string) => void, maxQueue?: number) {
    super(
      orm,
      {
        head: logHead,
        readAfter: readLogAfter,
        modelName: (change) => change.model.unwrap().name,
        overflowReason: (maxQueue, last) => `subscriber fell more than ${maxQueue} changes behind; resume with after: "${last}"`,
      },
      revocations,
      log,
      maxQueue,
    );
  }
}
