import type { EntityManager } from '@mikro-orm/postgresql';
import type { PromotionRequestEvent } from '../entities/index.js';
import type { LogFeed, StageFeed } from '../services/stage-feed.js';
import type { Principal } from '../services/tokens.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: one EntityManager per operation, the caller, and the live feed. */
export interface Context {
  em: EntityManager;
  principal: Principal;
  loaders: Loaders;
  feed: StageFeed;
  /** Committed changes of promotion requests, for `promotionRequestChanged`. */
  requestFeed: LogFeed<PromotionRequestEvent>;
  /** Told right after this instance revoked a token, so it stops working here at once. */
  tokenRevoked?: (tokenId: string) => void;
  /** Cuts off a subscriber that stopped reading (closes its socket or stream). */
  disconnectSlowConsumer?: () => void;
}
