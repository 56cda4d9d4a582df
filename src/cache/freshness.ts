import { randomBytes } from 'node:crypto';

/** What the barrier needs of the LISTEN connection (live/pg-listener.ts). */
export interface NotifyingConnection {
  readonly connected: boolean;
  notify(channel: string, payload: string): Promise<void>;
  /** Gives up a connection that stopped answering, and makes a new one. */
  reconnect(reason: string): void;
}

/**
 * "Has this instance heard every change committed before now?", answered for many requests with
 * one round trip, as etcd's ReadIndex batches its linearizable reads.
 *
 * A barrier is a notification this instance sends to itself on a channel of its own, from its
 * LISTEN connection. PostgreSQL delivers notifications in commit order, so by the time the
 * barrier comes back, every notification of a transaction that committed before it has been
 * heard, and heard first: the handlers run in arrival order on the same connection.
 *
 * Requests ask with `fresh()`. A barrier already in flight was sent before they asked, so it
 * cannot vouch for them: they wait for the next one, which goes out as soon as the one in flight
 * returns. So there is at most one barrier in flight, and a busy instance sends one per round
 * trip, not one per request.
 *
 * `fresh()` answers false when freshness cannot be known (LISTEN is down, the barrier failed or
 * took longer than `timeoutMs`): the caller then reads from PostgreSQL itself. A barrier that
 * does not come back in time also gives the LISTEN connection up: one that stopped answering
 * would otherwise hold every operation for `timeoutMs`, one after another.
 */
export class FreshnessBarrier {
  /** A channel name of this instance alone, so that no other instance is woken by its barriers. */
  readonly channel = `modelstage_barrier_${randomBytes(8).toString('hex')}`;
  private sequence = 0;
  private inFlight: { sequence: number; waiters: ((fresh: boolean) => void)[]; timer: NodeJS.Timeout } | undefined;
  private next: ((fresh: boolean) => void)[] = [];
  /** Barriers sent, and those that failed or timed out (operations then read PostgreSQL), for the metrics. */
  sent = 0;
  failed = 0;

  constructor(
    private readonly connection: NotifyingConnection,
    private readonly timeoutMs = 2_000,
  ) {}

  fresh(): Promise<boolean> {
    if (!this.connection.connected) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.next.push(resolve);
      if (!this.inFlight) this.send();
    });
  }

  /** The handler of `channel`: a barrier came back. */
  heard(payload: string | undefined): void {
    if (this.inFlight && payload === String(this.inFlight.sequence)) this.settle(true);
  }

  /** LISTEN was lost: nothing in flight will come back. */
  connectionLost(): void {
    if (this.inFlight) this.settle(false);
    for (const waiter of this.next.splice(0)) waiter(false);
  }

  private send(): void {
    const sequence = ++this.sequence;
    const waiters = this.next;
    this.next = [];
    const timer = setTimeout(() => {
      if (this.inFlight?.sequence !== sequence) return;
      this.settle(false, sequence);
      this.connection.reconnect(`a freshness barrier took more than ${this.timeoutMs} ms`);
    }, this.timeoutMs);
    timer.unref();
    this.inFlight = { sequence, waiters, timer };
    this.sent += 1;
    this.connection.notify(this.channel, String(sequence)).catch(() => this.settle(false, sequence));
  }

  private settle(fresh: boolean, sequence = this.inFlight?.sequence): void {
    const settled = this.inFlight;
    if (!settled || settled.sequence !== sequence) return;
    this.inFlight = undefined;
    clearTimeout(settled.timer);
    if (!fresh) this.failed += 1;
    for (const waiter of settled.waiters) waiter(fresh);
    if (this.next.length > 0) {
      if (this.connection.connected) this.send();
      else for (const waiter of this.next.splice(0)) waiter(false);
    }
  }
}
