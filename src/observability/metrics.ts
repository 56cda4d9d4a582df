import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StageChange } from '../entities/index.js';
import { DomainError } from '../services/errors.js';

/** The `outcome` label of modelstage_set_stage_total, as the contract lists them. */
export const SET_STAGE_OUTCOMES = [
  'success',
  'noop',
  'conflict',
  'not_found',
  'invalid',
  'precondition_failed',
  'approval_required',
  'dry_run',
] as const;
export type SetStageOutcomeLabel = (typeof SET_STAGE_OUTCOMES)[number];

export type Transport = 'ws' | 'sse';
export type WebhookDeliveryStatus = 'delivered' | 'failed_attempt' | 'failed';

/** Figures read when Prometheus scrapes, from the parts of the running instance that hold them. */
export interface MetricSources {
  /** Committed stage changes this instance has not fanned out yet, and the oldest one's age. */
  feedLag(): Promise<{ changes: number; oldestSeconds: number }>;
  /** Messages waiting for delivery and the oldest one's age; null when there is no outbox (yet). */
  webhookBacklog(): Promise<{ messages: number; oldestSeconds: number } | null>;
  listenConnected(): boolean;
  pool(): { used: number; free: number; pending: number; max: number };
  /** The read cache's lookups (from an entry, from another read's load, from a load of their own), its size, and the freshness barriers sent and failed. */
  readCache(): { hits: number; joined: number; misses: number; models: number; barriers: number; failedBarriers: number };
}

/**
 * What an instance counts, one registry per instance (tests run several in one process).
 * Labels hold aggregates only: never a model, version, token, URL or operation name, which are
 * unbounded and may be confidential.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly stageChanges = new Counter({
    name: 'modelstage_stage_changes_total',
    help: 'Stage changes committed by this instance, by the stage left and the stage entered.',
    labelNames: ['from', 'to'],
    registers: [this.registry],
  });
  private readonly setStageCalls = new Counter({
    name: 'modelstage_set_stage_total',
    help: 'setStage and rollbackStage calls answered by this instance, by outcome.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'modelstage_subscriptions',
    help: 'Open GraphQL subscriptions on this instance, by transport.',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  private readonly webhookDeliveries = new Counter({
    name: 'modelstage_webhook_deliveries_total',
    help: 'Webhook delivery attempts made by this instance: delivered, failed_attempt (a retry follows or the message gave up), failed (the message gave up).',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly requestDuration = new Histogram({
    name: 'modelstage_graphql_request_duration_seconds',
    help: 'GraphQL queries and mutations over HTTP and WebSocket, from the request to the answer, by operation type and outcome (ok or error).',
    labelNames: ['operation', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    for (const transport of ['ws', 'sse'] as const) this.subscriptions.labels(transport).set(0);
    for (const outcome of SET_STAGE_OUTCOMES) this.setStageCalls.labels(outcome).inc(0);
    for (const status of ['delivered', 'failed_attempt', 'failed'] as const) this.webhookDeliveries.labels(status).inc(0);
    this.scrapeGauges(sources);
    collectDefaultMetrics({ register: this.registry, prefix: 'modelstage_' });
  }

  /**
   * Counts one setStage or rollbackStage answer and the changes it committed; returns the
   * outcome as given, so a resolver wraps its service call: `ctx.metrics.setStage(await setStage(…))`.
   */
  setStage<T>(outcome: T): T {
    const label = setStageOutcomeLabel(outcome);
    this.setStageCalls.labels(label).inc();
    if (label === 'success' && !(outcome as { replayed?: boolean }).replayed) this.stageChangesCommitted((outcome as { changes: StageMove[] }).changes);
    return outcome;
  }

  /** Changes committed outside setStage (an approved promotion request applying, for example). */
  stageChangesCommitted(changes: readonly StageMove[]): void {
    for (const change of changes) this.stageChanges.labels(change.fromStage, change.toStage).inc();
  }

  /** One webhook attempt: `final` when it was the message's last (it is FAILED now). */
  webhookAttempt(attempt: { delivered: boolean; final?: boolean }): void {
    if (attempt.delivered) return void this.webhookDeliveries.labels('delivered').inc();
    this.webhookDeliveries.labels('failed_attempt').inc();
    if (attempt.final) this.webhookDeliveries.labels('failed').inc();
  }

  /** A subscription opened; call the returned function once when it ends. */
  subscriptionOpened(transport: Transport): () => void {
    this.subscriptions.labels(transport).inc();
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.subscriptions.labels(transport).dec();
    };
  }

  requestDone(operation: string, ok: boolean, seconds: number): void {
    this.requestDuration.labels(operation, ok ? 'ok' : 'error').observe(seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private scrapeGauges(sources: MetricSources): void {
    const registers = [this.registry];
    // Read at scrape time only. Two gauges that share one reading await the same query; a
    // failing source leaves its gauges as they were rather than failing the whole scrape (the
    // other figures matter most when something is wrong).
    const feedLag = perScrape(() => sources.feedLag());
    const backlog = perScrape(() => sources.webhookBacklog());
    const fromReading = <T>(read: () => Promise<T | null>, pick: (reading: T) => number) =>
      async function collect(this: Gauge) {
        const reading = await read().catch(() => null);
        if (reading) this.set(pick(reading));
      };
    new Gauge({
      name: 'modelstage_feed_lag_changes',
      help: 'Committed stage changes that this instance has not yet delivered to its subscribers.',
      registers,
      collect: fromReading(feedLag, (lag) => lag.changes),
    });
    new Gauge({
      name: 'modelstage_feed_lag_seconds',
      help: 'Age of the oldest committed stage change this instance has not delivered yet (0 when caught up).',
      registers,
      collect: fromReading(feedLag, (lag) => lag.oldestSeconds),
    });
    new Gauge({
      name: 'modelstage_webhook_backlog',
      help: 'Webhook messages waiting for delivery (PENDING), over every instance of the database.',
      registers,
      collect: fromReading(backlog, (outbox) => outbox.messages),
    });
    new Gauge({
      name: 'modelstage_webhook_backlog_oldest_seconds',
      help: 'Age of the oldest webhook message still waiting for delivery (0 when none waits).',
      registers,
      collect: fromReading(backlog, (outbox) => outbox.oldestSeconds),
    });
    new Gauge({
      name: 'modelstage_listen_connected',
      help: '1 while the LISTEN connection that wakes the live feed is up, 0 while it reconnects.',
      registers,
      collect() {
        this.set(sources.listenConnected() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'modelstage_db_pool_connections',
      help: 'Database pool connections by state: used, free, pending (requests waiting for one), max.',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool();
        for (const state of ['used', 'free', 'pending', 'max'] as const) this.labels(state).set(pool[state]);
      },
    });
    // Running totals kept by the cache itself, copied at scrape time.
    new Counter({
      name: 'modelstage_read_cache_lookups_total',
      help: 'Hot reads answered from the read cache (hit), from a load another read had in flight (joined), and from PostgreSQL (miss).',
      labelNames: ['result'],
      registers,
      collect() {
        const cache = sources.readCache();
        this.reset();
        this.labels('hit').inc(cache.hits);
        this.labels('joined').inc(cache.joined);
        this.labels('miss').inc(cache.misses);
      },
    });
    new Gauge({
      name: 'modelstage_read_cache_models',
      help: 'Models whose rows the read cache holds now.',
      registers,
      collect() {
        this.set(sources.readCache().models);
      },
    });
    new Counter({
      name: 'modelstage_freshness_barriers_total',
      help: 'Freshness checks sent to PostgreSQL; each vouches for every operation that arrived while the one before was in flight.',
      registers,
      collect() {
        this.reset();
        this.inc(sources.readCache().barriers);
      },
    });
    new Counter({
      name: 'modelstage_freshness_barriers_failed_total',
      help: 'Freshness checks that failed or timed out: the operations waiting on them read PostgreSQL instead of the cache (and a timeout reconnects LISTEN).',
      registers,
      collect() {
        this.reset();
        this.inc(sources.readCache().failedBarriers);
      },
    });
  }
}

/** One reading shared by every gauge collected in the same scrape (they start in the same tick). */
function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= read().finally(() =>
      setImmediate(() => {
        pending = undefined;
      }),
    ));
}

type StageMove = Pick<StageChange, 'fromStage' | 'toStage'>;

/**
 * The outcome label of a setStage/rollbackStage answer: an expected error by its code, else a
 * preview (dry run: no `changes`), a call that changed nothing, or one that committed changes.
 */
export function setStageOutcomeLabel(outcome: unknown): SetStageOutcomeLabel {
  if (outcome instanceof DomainError) {
    switch (outcome.code) {
      case 'NOT_FOUND':
        return 'not_found';
      case 'STAGE_CONFLICT':
        return 'conflict';
      case 'PRECONDITION_FAILED':
        return 'precondition_failed';
      case 'APPROVAL_REQUIRED':
        return 'approval_required';
      default:
        return 'invalid';
    }
  }
  const changes = (outcome as { changes?: unknown }).changes;
  if (!Array.isArray(changes)) return 'dry_run';
  return changes.length === 0 ? 'noop' : 'success';
}
