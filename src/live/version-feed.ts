import { Repeater } from 'graphql-yoga';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ModelVersion } from '../entities/index.js';
import { describe } from '../server/errors.js';
import { boundedPush } from './bounded-push.js';
import type { Revocations } from './revocations.js';

export interface VersionSubscription {
  /** Keep one model's versions. */
  modelName?: string;
  /** Token behind the subscription, so that revoking it can end the stream. */
  tokenId: string | null;
  onOverflow?: () => void;
}

type Listener = (version: ModelVersion) => void;

/**
 * New versions, live, for versionCreated. A trigger on model_version (migration 0004) notifies
 * the new ids, and PostgreSQL delivers a notification only once the creating transaction has
 * committed; each version is then read back by id, so a subscriber sees only committed
 * versions and sees them as committed. No replay: a subscriber hears what is created after it
 * subscribed.
 */
export class VersionFeed {
  private readonly listeners = new Set<Listener>();
  private readonly enders = new Set<() => void>();
  /** Reads run one after another, so versions reach subscribers in notification order. */
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly revocations: Revocations,
    private readonly log: (message: string) => void = () => undefined,
    private readonly maxQueue = 1_000,
  ) {}

  /** A notification's payload: the comma-separated ids of versions just committed. */
  notified(payload: string | undefined): void {
    const ids = (payload ?? '').split(',').filter((id) => /^\d{1,18}$/.test(id));
    if (ids.length === 0 || this.listeners.size === 0) return;
    this.reading = this.reading
      .then(async () => {
        const versions = await this.orm.em.fork().find(ModelVersion, { id: { $in: ids } }, { populate: ['model'], orderBy: { id: 'asc' } });
        for (const version of versions) for (const listener of this.listeners) listener(version);
      })
      .catch((error: unknown) => this.log(`reading new versions failed: ${describe(error)}`));
  }

  stop(): void {
    for (const end of this.enders) end();
  }

  subscribe(options: VersionSubscription): Repeater<ModelVersion> {
    return new Repeater<ModelVersion>(async (push, stop) => {
      const enqueue = boundedPush(push, stop, {
        maxQueue: this.maxQueue,
        onOverflow: options.onOverflow,
        reason: () => `subscriber fell more than ${this.maxQueue} versions behind`,
      });
      const listener: Listener = (version) => {
        if (options.modelName === undefined || version.model.unwrap().name === options.modelName) enqueue(version);
      };
      this.listeners.add(listener);
      const end = () => void stop();
      this.enders.add(end);
      const unwatch = this.revocations.watch(options.tokenId, (error) => stop(error));
      await stop;
      this.listeners.delete(listener);
      this.enders.delete(end);
      unwatch();
    });
  }
}
