import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { eventContext, type Context } from '../schema/context.js';

/**
 * Subscriptions resolve each delivered event with a context of its own (see eventContext), on
 * every transport: yoga's SSE and graphql-ws both subscribe through the enveloped `subscribe`,
 * and a multiplexed group's one execution runs it too, so twins share one fresh context per event.
 *
 * It is graphql-js' own `subscribe` (the subscription field's source stream, each payload executed
 * as the root value) with one difference: graphql-js hands every event the operation's context.
 */
export function freshContextPerEvent(): Plugin<Context> {
  return { onSubscribe: ({ setSubscribeFn }) => setSubscribeFn(subscribeWithEventContexts as never) };
}

async function subscribeWithEventContexts(args: ExecutionArgs): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const subscription = args.contextValue as Context;
  return mapEvents(stream, (payload) => execute({ ...args, rootValue: payload, contextValue: eventContext(subscription) }));
}

/**
 * A stream of `map` over each value of `source`; ending it ends the source. Not an async
 * generator: one parked on an `await` cannot be returned, so an idle subscription would leak.
 */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (value: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const ended = async (): Promise<IteratorResult<R>> => {
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      const next = await iterator.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: await map(next.value) };
    },
    return: ended,
    throw: async (error: unknown) => {
      await ended();
      throw error;
    },
  };
}
