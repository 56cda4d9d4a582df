import { Repeater } from 'graphql-yoga';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { StageChange } from '../entities/index.js';
import { boundedPush } from './bounded-push.js';
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

type Listener = (change: StageChange) => void;

/**
 * Tails the committed stage-change log and fans it out to this instance's subscribers.
 *
 * Every change is read back from the log by cursor; notifications only say "read again". The log
 * makes ids visible in commit order (see stage-log.ts), so reading "after the last id delivered"
 * yields every committed change exactly once and in order, whether a notification was lost,
 * merged with another or the connection was down for a while.
 */
export class StageFeed {
  private readonly listeners = new Set<Listener>();
  /** Ends each open stream (on shutdown, so SSE responses finish instead of hanging). */
  private readonly enders = new Set<() => void>();
  private readonly streamsByToken = new Map<string, Set<(error: Error) => void>>();
  private head = '0';
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: (message: string) => void = () => undefined,
    /** Undelivered changes a subscriber may have before it counts as stalled. */
    private readonly maxQueue = 1_000,
  ) {}

  async start(): Promise<void> {
    this.head = await logHead(this.orm.em.fork());
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
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.pumpAgain = false;
        await this.drain().catch((error: Error) => this.log(`reading the stage log failed: ${error.message}`));
      } while (this.pumpAgain);
    })().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  /** Ends every open stream of a revoked token. */
  endStreamsOf(tokenId: string, reason: Error): void {
    for (const end of this.streamsByToken.get(tokenId) ?? []) end(reason);
  }

  /**
   * A stream of committed changes. With `after`, the live listener is attached first and
   * buffers while the log is replayed; the buffer is then drained, dropping what the replay
   * already gave. A change therefore arrives once, whether it committed before, during or
   * after the replay.
   */
  subscribe(options: FeedSubscription): Repeater<StageChange> {
    const { modelName, tokenId } = options;
    return new Repeater<StageChange>(async (push, stop) => {
      let last = options.after ?? '0';
      let replaying = options.after !== undefined;
      const buffered: StageChange[] = [];
      const maxQueue = this.maxQueue;
      const enqueue = boundedPush(push, stop, {
        maxQueue,
        onOverflow: options.onOverflow,
        reason: () => `subscriber fell more than ${maxQueue} changes behind; resume with after: "${last}"`,
      });
      const deliver = (change: StageChange) => {
        if (BigInt(change.id) <= BigInt(last)) return;
        last = change.id;
        enqueue(change);
      };
      const listener: Listener = (change) => {
        if (modelName !== undefined && change.model.unwrap().name !== modelName) return;
        if (replaying) buffered.push(change);
        else deliver(change);
      };
      this.listeners.add(listener);
      const end = () => void stop();
      this.enders.add(end);
      const untrack = tokenId !== null ? this.onTokenRevoked(tokenId, (error) => stop(error)) : () => undefined;

      try {
        if (replaying) {
          const em = this.orm.em.fork();
          for (;;) {
            const rows = await readLogAfter(em, last, { modelName, limit: BATCH });
            rows.forEach(deliver);
            if (rows.length < BATCH) break;
            em.clear();
          }
          replaying = false;
          buffered.splice(0).forEach(deliver);
        }
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
    for (;;) {
      const rows = await readLogAfter(em, this.head, { limit: BATCH });
      for (const change of rows) {
        this.head = change.id;
        for (const listener of this.listeners) listener(change);
      }
      if (rows.length < BATCH) return;
      em.clear();
    }
  }

  /** Calls `end` when the token is revoked; returns the function that forgets it again. */
  onTokenRevoked(tokenId: string, end: (error: Error) => void): () => void {
    let streams = this.streamsByToken.get(tokenId);
    if (!streams) this.streamsByToken.set(tokenId, (streams = new Set()));
    streams.add(end);
    return () => {
      streams.delete(end);
      if (streams.size === 0 && this.streamsByToken.get(tokenId) === streams) this.streamsByToken.delete(tokenId);
    };
  }
}
