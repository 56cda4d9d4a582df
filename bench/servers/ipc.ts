/**
 * The child side of bench/lib/servers.ts: a server process announces its URL to the benchmark
 * over the IPC channel, answers memory probes, and stops when told to or when its parent goes.
 */
export function serveBenchmark(url: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void shutdown();
    if (message.type === 'memory') {
      // Run with --expose-gc: measure live memory, not garbage that is yet to be collected.
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ type: 'memory', ...process.memoryUsage() });
    }
  });
  // The benchmark died or finished without saying so: never outlive it.
  process.on('disconnect', () => void shutdown());
  process.send?.({ type: 'ready', url });
}
