import type { MikroORM } from '@mikro-orm/postgresql';
import { checkTarget } from './address-guard.js';
import { describe } from '../server/errors.js';
import { FoldedRun } from '../live/folded-run.js';
import { WEBHOOK_CHANNEL } from './channels.js';
import { ATTEMPT_TIMEOUT_MS, postMessage, type AttemptResult } from './sender.js';
import { signatureHeader } from './signature.js';

/** What one attempt came to, for metrics (modelstage_webhook_deliveries_total's `status`). */
export type AttemptOutcome = 'delivered' | 'failed_attempt' | 'failed';

export interface DispatcherOptions {
  orm: MikroORM;
  allowPrivate: boolean;
  retryDelaysMs: number[];
  /** Delivered and failed messages older than this are deleted. */
  retentionMs: number;
  log?: (line: string) => void;
  /** Called once per attempt with its outcome (the metrics counter hangs here). */
  onAttempt?: (outcome: AttemptOutcome) => void;
  /** Attempts this instance makes at once (one per webhook at most, but redeliveries). */
  maxInFlight?: number;
}

/** A claimed attempt: the message and what signing and sending it needs. */
interface Claimed {
  id: string;
  webhook_id: string;
  message_id: string;
  payload: { type: string; timestamp: string; data: unknown };
  in_line: boolean;
  /** Claimed for a redelivery (an out-of-turn attempt that was asked for). */
  redeliver: boolean;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
}

/** An attempt's claim lapses after this, so a crashed instance's message is taken up again. */
const LEASE_MS = ATTEMPT_TIMEOUT_MS + 20_000;
/** Even without a notification the queue is looked at this often (a lost NOTIFY costs no more). */
const SAFETY_POLL_MS = 30_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 10_000;

/**
 * Sends webhook messages from the outbox. Every instance runs one; they share the work through
 * the database alone:
 *
 * - A message is claimed with FOR UPDATE SKIP LOCKED and a lease (attempts + 1, leased_until),
 *   committed BEFORE the HTTP call, so each attempt is made by one instance and no transaction
 *   or connection is held while a receiver thinks. The outcome is recorded after.
 * - Only the head of each active webhook's queue (its oldest in-line message) may be claimed,
 *   and only once it is due: a message waits until every earlier message of its webhook was
 *   delivered (or given up), while each webhook has its own head, so a slow receiver holds up
 *   no other webhook. Ids are visible in commit order (migration 0004), so "oldest" is commit order.
 * - A redelivery (redeliverWebhook) is claimed out of turn. One asked for while an attempt of
 *   the same message is in flight is kept, and made after it.
 * - It wakes on NOTIFY (new, redelivered or re-enabled messages), after each attempt (the next
 *   message of that webhook follows at once), and on a timer for the next retry that falls due.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly log: (line: string) => void;
  private readonly maxInFlight: number;
  private stopping = false;
  /** Passes over the queue, one at a time; a wake during a pass asks for one more. */
  private readonly passes = new FoldedRun(() =>
    this.stopping
      ? Promise.resolve()
      : this.pass().catch((error: Error) => {
          this.log(`webhook dispatcher: reading the queue failed: ${describe(error)}`);
          this.schedule(1_000);
        }),
  );
  private wakeTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.log = options.log ?? (() => undefined);
    this.maxInFlight = options.maxInFlight ?? 64;
  }

  start(): void {
    void this.prune();
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    void this.wake();
  }

  /**
   * Stops claiming at once; attempts in flight get `graceMs` to finish and be recorded, the rest
   * are aborted and handed back (their claim undone), for this or another instance to make again.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    clearInterval(this.pruneTimer);
    await this.passes.idle();
    const all = Promise.all([...this.inFlight.values()].map((attempt) => attempt.done));
    let grace: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)));
    await Promise.race([all, expired]);
    clearTimeout(grace);
    for (const attempt of this.inFlight.values()) attempt.controller.abort();
    await all;
  }

  /** Messages may be due: look. Concurrent calls fold into one pass. */
  wake(): Promise<void> {
    return this.stopping ? Promise.resolve() : this.passes.run();
  }

  private async pass(): Promise<void> {
    const room = this.maxInFlight - this.inFlight.size;
    if (room > 0) {
      for (const message of await this.claim(room)) this.attempt(message);
    }
    const [next] = await this.options.orm.em.fork().execute<{ wait_ms: number | null }[]>(NEXT_DUE_SQL);
    this.schedule(next?.wait_ms == null ? SAFETY_POLL_MS : Math.max(0, Math.ceil(Number(next.wait_ms))));
  }

  private schedule(waitMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => void this.wake(), Math.min(waitMs, SAFETY_POLL_MS) + 5);
    this.wakeTimer.unref();
  }

  /** One statement, so the claim commits before any request goes out. */
  private claim(limit: number): Promise<Claimed[]> {
    return this.options.orm.em.fork().execute<Claimed[]>(CLAIM_SQL, [limit, LEASE_MS]);
  }

  private attempt(message: Claimed): void {
    const controller = new AbortController();
    const done = this.send(message, controller.signal)
      .then((result) => (controller.signal.aborted ? this.handBack(message) : this.record(message, result)))
      .catch((error: Error) => this.log(`webhook ${message.webhook_id}: recording attempt ${message.attempts} of ${message.message_id} failed: ${describe(error)}`))
      .finally(() => {
        this.inFlight.delete(message.id);
        void this.wake();
      });
    this.inFlight.set(message.id, { controller, done });
  }

  /** The address is checked again at every attempt, and the request goes to the address checked. */
  private async send(message: Claimed, signal: AbortSignal): Promise<AttemptResult> {
    const checked = await checkTarget(new URL(message.url), this.options.allowPrivate);
    if (!checked.ok) return { error: checked.reason };
    const body = JSON.stringify({ type: message.payload.type, timestamp: message.payload.timestamp, data: message.payload.data });
    const timestamp = Math.floor(Date.now() / 1000);
    const keys = { secret: message.secret, previousSecret: message.previous_secret, previousSecretUntil: message.previous_secret_until && new Date(message.previous_secret_until) };
    return postMessage(
      checked.target,
      { 'webhook-id': message.message_id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatureHeader(keys, message.message_id, timestamp, body) },
      body,
      signal,
    );
  }

  private async record(message: Claimed, result: AttemptResult): Promise<void> {
    const em = this.options.orm.em.fork();
    if (result.error === undefined) {
      await em.execute(
        `update webhook_delivery set status = 'delivered', in_line = false, redeliver = redeliver and not ?::boolean, leased_until = null,
           next_attempt_at = null, delivered_at = now(), last_response_status = ?, last_error = null where id = ?`,
        [message.redeliver, result.status ?? null, message.id],
      );
      this.options.onAttempt?.('delivered');
      return;
    }
    const gone = result.status === 410;
    const delay = this.options.retryDelaysMs[message.attempts - 1];
    // In line: retried on the schedule, given up after the last delay. Out of turn (a redelivery
    // of a message already delivered or failed): one attempt, no retries.
    const retry = message.in_line && !gone && delay !== undefined;
    const disable = gone || (message.in_line && !retry);
    await em.execute(
      `with updated as (
         update webhook_delivery set status = ?, in_line = ?, redeliver = redeliver and not ?::boolean, leased_until = null,
           next_attempt_at = case when ?::boolean then now() + ? * interval '1 millisecond' end,
           last_response_status = ?, last_error = ?
         where id = ? returning webhook_id
       )
       update webhook set active = false where ?::boolean and id = (select webhook_id from updated)`,
      [retry ? 'pending' : 'failed', retry, message.redeliver, retry, delay ?? 0, result.status ?? null, result.error.slice(0, 500), message.id, disable],
    );
    if (disable) this.log(`webhook ${message.webhook_id} disabled: ${gone ? 'the receiver answered 410 Gone' : `message ${message.message_id} failed ${message.attempts} attempts`}`);
    this.options.onAttempt?.(retry ? 'failed_attempt' : 'failed');
  }

  /** Undoes the claim of an attempt cut short by shutdown: as if it had not been made. */
  private async handBack(message: Claimed): Promise<void> {
    await this.options.orm.em.fork().execute(
      'update webhook_delivery set leased_until = null, attempts = greatest(attempts - 1, 0) where id = ? and leased_until is not null',
      [message.id],
    );
    await this.options.orm.em.fork().execute('select pg_notify(?, ?)', [WEBHOOK_CHANNEL, '']);
  }

  private async prune(): Promise<void> {
    try {
      await this.options.orm.em.fork().execute(
        `delete from webhook_delivery where id in (
           select id from webhook_delivery where created_at < now() - ? * interval '1 millisecond' and status <> 'pending' limit ?)`,
        [this.options.retentionMs, PRUNE_BATCH],
      );
    } catch (error) {
      this.log(`webhook dispatcher: pruning old deliveries failed: ${describe(error)}`);
    }
  }
}

/** Each active webhook's head (its oldest in-line message) and every redelivery asked for. */
const HEADS = `
  select (select d.id from webhook_delivery d where d.webhook_id = w.id and d.in_line order by d.id limit 1) as id
  from webhook w where w.active
  union
  select d.id from webhook_delivery d where d.redeliver`;

const CLAIM_SQL = `
  with claimable as (
    select d.id from webhook_delivery d
    where d.id in (${HEADS})
      and (d.redeliver or (d.status = 'pending' and d.in_line and d.next_attempt_at <= now()))
      and (d.leased_until is null or d.leased_until < now())
    order by d.id
    limit ?
    for update of d skip locked
  )
  update webhook_delivery d
  set leased_until = now() + ? * interval '1 millisecond', attempts = d.attempts + 1, last_attempt_at = now()
  from claimable c, webhook w
  where d.id = c.id and w.id = d.webhook_id
  returning d.id, d.webhook_id, d.message_id, d.payload, d.in_line, d.redeliver, d.attempts, w.url, w.secret, w.previous_secret, w.previous_secret_until`;

/** Milliseconds until a head falls due or a claim lapses; null when nothing waits. */
const NEXT_DUE_SQL = `
  select extract(epoch from min(due) - now()) * 1000 as wait_ms from (
    select coalesce(d.leased_until, d.next_attempt_at) as due
    from webhook_delivery d where d.id in (${HEADS}) and (d.status = 'pending' or d.redeliver)
  ) as heads`;
