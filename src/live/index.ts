import type { MikroORM } from '@mikro-orm/postgresql';
import type { ModelVersion, PromotionRequestEvent, StageChange } from '../entities/index.js';
import { VERSION_CHANNEL } from '../webhooks/channels.js';
import { StageFeed } from './log-feed.js';
import { SubscriptionMultiplexer } from './multiplex.js';
import { PgListener } from './pg-listener.js';
import { PROMOTION_REQUEST_CHANNEL, promotionRequestFeed } from './request-feed.js';
import { Revocations } from './revocations.js';
import { STAGE_LOG_CHANNEL } from './stage-log.js';
import { VersionFeed } from './version-feed.js';

export { freshContextPerEvent } from './event-context.js';
export type { Member } from './multiplex.js';
export type { SubscriptionMultiplexer } from './multiplex.js';
export type { PgListener } from './pg-listener.js';
export type { StageFeed } from './log-feed.js';

/** Who receives one operation's streams, as its transport knows them. */
export interface Subscriber {
  /** Whose revocation ends the streams; null when none does (a shared execution's members each watch their own). */
  tokenId: string | null;
  /** Cuts off a subscriber that stopped reading (the transport closes its socket or response). */
  onOverflow?: () => void;
}

/** What resolvers see of the live module: the streams of one operation's subscriber, and revocation. */
export interface LiveSession {
  /** Committed stage changes in commit order; with `after`, the log behind it first. */
  stageChanges(options: { modelName?: string; after?: string }): AsyncIterable<StageChange>;
  /** Committed changes of promotion requests, live only. */
  requestChanges(options: { modelName?: string }): AsyncIterable<PromotionRequestEvent>;
  /** New versions, live only. */
  versionsCreated(options: { modelName?: string }): AsyncIterable<ModelVersion>;
  /** This instance just revoked the token: its streams end here at once (other instances hear the notification). */
  tokenRevoked(tokenId: string): void;
}

export interface LiveOptions {
  orm: MikroORM;
  databaseUrl: string;
  log: (message: string) => void;
  /** Undelivered changes a subscriber may fall behind before it is cut off. */
  maxQueue: number;
  /** The error a revoked token's streams end with (the client's UNAUTHENTICATED). */
  revokedError: () => Error;
  /** Told of every revocation, here or on another instance, before the streams end. */
  onTokenRevoked: () => void;
  /** Further channels on the same LISTEN connection (webhooks, tokens), by name. */
  channels: Record<string, (payload: string | undefined) => void>;
  /** After every (re)connection of LISTEN, and when it is lost (see pg-listener.ts). */
  onConnected: () => void;
  onDisconnected: () => void;
}

/**
 * The live module: one LISTEN connection, the feeds it wakes (stage log, promotion requests,
 * new versions), the websocket multiplexer and the one registry of revocable streams. The
 * composition root builds it; resolvers reach it through a LiveSession bound to their subscriber.
 */
export class Live {
  readonly revocations = new Revocations();
  readonly stageFeed: StageFeed;
  readonly multiplexer: SubscriptionMultiplexer;
  readonly listener: PgListener;
  private readonly requestFeed;
  private readonly versionFeed: VersionFeed;

  constructor(private readonly options: LiveOptions) {
    const { orm, log, maxQueue } = options;
    this.stageFeed = new StageFeed(orm, this.revocations, log, maxQueue);
    this.requestFeed = promotionRequestFeed(orm, this.revocations, log, maxQueue);
    this.versionFeed = new VersionFeed(orm, this.revocations, log, maxQueue);
    this.multiplexer = new SubscriptionMultiplexer(this.revocations);
    this.listener = new PgListener({
      url: options.databaseUrl,
      log,
      channels: {
        ...options.channels,
        [STAGE_LOG_CHANNEL]: (position) => this.stageFeed.notified(position),
        [PROMOTION_REQUEST_CHANNEL]: (position) => this.requestFeed.notified(position),
        [VERSION_CHANNEL]: (ids) => this.versionFeed.notified(ids),
      },
      onConnected: () => {
        options.onConnected();
        void this.stageFeed.pump();
        void this.requestFeed.pump();
      },
      onDisconnected: options.onDisconnected,
    });
  }

  /** Reads the feeds' heads, then listens; the first connection must succeed. */
  async start(): Promise<void> {
    await this.stageFeed.start();
    await this.requestFeed.start();
    await this.listener.start();
  }

  /** Completes every open stream (clients resume with `after`); LISTEN stays until close. */
  endStreams(): void {
    this.stageFeed.stop();
    this.requestFeed.stop();
    this.versionFeed.stop();
  }

  close(): Promise<void> {
    return this.listener.stop();
  }

  /** A token was revoked (here or, through its notification, elsewhere): its streams end. */
  revoke(tokenId: string | undefined): void {
    this.options.onTokenRevoked();
    if (tokenId) this.revocations.revoke(tokenId, this.options.revokedError());
  }

  session(subscriber: Subscriber): LiveSession {
    const { tokenId, onOverflow } = subscriber;
    return {
      stageChanges: (options) => this.stageFeed.subscribe({ ...options, tokenId, onOverflow }),
      requestChanges: (options) => this.requestFeed.subscribe({ ...options, tokenId, onOverflow }),
      versionsCreated: (options) => this.versionFeed.subscribe({ ...options, tokenId, onOverflow }),
      tokenRevoked: (id) => this.revoke(id),
    };
  }
}
