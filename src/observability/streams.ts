/**
 * The same stream, calling `ended` exactly once when it ends however it ends: completed, failed,
 * or returned by its consumer (graphql-ws and yoga call `return()` when a client leaves). It
 * keeps the shape of an async generator, which graphql-ws checks before it calls `return()`.
 */
export function onStreamEnd<T>(stream: AsyncIterable<T>, ended: () => void): AsyncGenerator<T> {
  const source = stream[Symbol.asyncIterator]();
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    ended();
  };
  const generator: AsyncGenerator<T> = {
    async next() {
      try {
        const step = await source.next();
        if (step.done) end();
        return step;
      } catch (error) {
        end();
        throw error;
      }
    },
    async return(value?: unknown) {
      end();
      return ((await source.return?.(value)) ?? { done: true, value }) as IteratorResult<T>;
    },
    async throw(error?: unknown) {
      end();
      if (source.throw) return source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
  };
  return generator;
}
