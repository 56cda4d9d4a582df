import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs one write in a transaction of its own, on a fork of its own: every write service goes
 * through here, never flushing (or clearing) the EntityManager of the request that called it.
 *
 * `clear: true` makes MikroORM fork `em` with an empty identity map, so the flush at commit can
 * only write what `work` changed: an entity that a sibling field of the same document loaded or
 * touched is not in the fork and is never written by it. (Without it the fork copies the
 * request's identity map, and a refused edit left on an entity would be committed by the next
 * write.) After commit MikroORM merges the fork's entities back into `em`, so resolvers that
 * read the result through the request's EntityManager and loaders see what was committed; after
 * a rollback nothing is merged.
 */
export function writeTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(work, { clear: true });
}
