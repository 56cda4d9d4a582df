import type { ExecutionResult } from 'graphql';
import { Repeater } from 'graphql-yoga';
import { boundedPush } from './bounded-push.js';
import type { Revocations } from './revocations.js';

type Results = AsyncIterable<ExecutionResult>;

export interface Member {
  maxQueue: number;
  /** Cuts off this subscriber when it falls too far behind. */
  onOverflow?: () => void;
  /** The subscriber's token: revoking it ends this member alone (see revocations.ts). */
  tokenId: string | null;
}

interface Group {
  members: Set<(result: ExecutionResult) => void>;
  enders: Set<(error?: Error) => void>;
  source: AsyncIterator<ExecutionResult>;
}

/**
 * Live subscriptions with the same document, variables and permissions share one execution per
 * event, as Hasura multiplexes its live queries: the group's source runs the selection once and
 * every member receives the same result object. Without it, graphql-js executes the selection
 * once per subscriber per event, which dominates fan-out to thousands of sockets.
 *
 * Only subscriptions that start live belong in a group; one that replays from a cursor has a
 * history of its own and runs alone.
 */
export class SubscriptionMultiplexer {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly revocations: Revocations) {}

  get groupCount(): number {
    return this.groups.size;
  }

  /**
   * The results for one member. `start` runs the subscription once, for the group's first
   * member; its result, if not a stream (an error), goes to that member alone.
   */
  async join(key: string, start: () => Promise<Results | ExecutionResult> | Results | ExecutionResult, member: Member): Promise<Results | ExecutionResult> {
    let group = this.groups.get(key);
    if (!group) {
      const started = await start();
      if (!isAsyncIterable(started)) return started;
      group = this.groups.get(key) ?? this.open(key, started);
    }
    return this.memberStream(key, group, member);
  }

  private open(key: string, results: Results): Group {
    const group: Group = { members: new Set(), enders: new Set(), source: results[Symbol.asyncIterator]() };
    this.groups.set(key, group);
    void (async () => {
      let failure: Error | undefined;
      try {
        for (;;) {
          const next = await group.source.next();
          if (next.done) break;
          for (const deliver of group.members) deliver(next.value);
        }
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      if (this.groups.get(key) === group) this.groups.delete(key);
      for (const end of group.enders) end(failure);
    })();
    return group;
  }

  private memberStream(key: string, group: Group, member: Member): Results {
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const deliver = boundedPush(push, stop, {
        maxQueue: member.maxQueue,
        onOverflow: member.onOverflow,
        reason: () => `subscriber fell more than ${member.maxQueue} changes behind; resume with after`,
      });
      const end = (error?: Error) => stop(error);
      group.members.add(deliver);
      group.enders.add(end);
      const unwatch = this.revocations.watch(member.tokenId, end);
      await stop;
      unwatch();
      group.members.delete(deliver);
      group.enders.delete(end);
      // The last member out stops the shared execution.
      if (group.members.size === 0 && this.groups.get(key) === group) {
        this.groups.delete(key);
        await group.source.return?.();
      }
    });
  }
}

function isAsyncIterable(value: unknown): value is Results {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
