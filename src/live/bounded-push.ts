/** The push and stop a Repeater's executor gets (structurally). */
type Push<T> = (value: T) => Promise<unknown>;
type Stop = (error?: unknown) => unknown;

/** Repeater refuses more than 1024 pending pushes; every queue here stays below that. */
export const QUEUE_CEILING = 1_000;

/**
 * Wraps a Repeater's push so that a consumer that stops pulling cannot make the queue grow
 * without bound: past `maxQueue` undelivered values it is told (`onOverflow`) and stopped.
 */
export function boundedPush<T>(push: Push<T>, stop: Stop, options: { maxQueue: number; onOverflow?: () => void; reason: () => string }): (value: T) => void {
  const maxQueue = Math.min(options.maxQueue, QUEUE_CEILING);
  let queued = 0;
  let overflowed = false;
  return (value) => {
    if (overflowed) return;
    queued += 1;
    if (queued > maxQueue) {
      overflowed = true;
      options.onOverflow?.();
      stop(new Error(options.reason()));
      return;
    }
    push(value).then(
      () => (queued -= 1),
      () => undefined,
    );
  };
}
