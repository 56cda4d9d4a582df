import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectPool } from '../db/direct-pool.js';
import type { RegistryRows } from '../services/direct-reads.js';
import type { LiveSession } from '../live/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { Principal } from '../services/tokens.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: one EntityManager per operation, the caller, and the live feed. */
export interface Context {
  em: EntityManager;
  /** The promotion's fast path through `pg` directly (db/direct-pool.ts); without it, through `em`. */
  direct?: DirectPool;
  /**
   * Where the hot reads find their rows: this instance's cache once this operation's freshness
   * check passed (cache/registry-cache.ts), PostgreSQL otherwise; without it, through `em`.
   */
  registry?: RegistryRows;
  /** PostgreSQL's rows, for what is resolved later than the operation's freshness check (subscription events). */
  databaseRows?: RegistryRows;
  principal: Principal;
  loaders: Loaders;
  /** The live feeds, bound to this operation's subscriber (its token, its transport's cut-off). */
  live: LiveSession;
  /** MODELSTAGE_WEBHOOK_ALLOW_PRIVATE: whether webhook URLs may name private addresses. */
  webhookSettings?: { allowPrivate: boolean };
  /** This instance's counters: `ctx.metrics.setStage(outcome)` counts a promotion's answer. */
  metrics: Metrics;
}

/** What one operation, or one delivered event, reads through: an EntityManager of its own and loaders batching on it. */
export function freshReads(em: EntityManager, registry?: RegistryRows): Pick<Context, 'em' | 'loaders' | 'registry'> {
  const fork = em.fork();
  return { em: fork, loaders: createLoaders(fork, registry), registry };
}

/**
 * The context one event of a subscription is resolved with: the subscription's caller and
 * feed, with reads of its own. A subscription's context lives as long as it does; resolving
 * each event with fresh reads means nothing an earlier event loaded can answer a later one.
 */
export function eventContext(subscription: Context): Context {
  // Not the cache: the operation's freshness check was made when it subscribed, long before.
  return { ...subscription, ...freshReads(subscription.em, subscription.databaseRows) };
}
