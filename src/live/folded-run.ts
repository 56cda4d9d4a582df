/**
 * Runs an async task on demand, one run at a time: a call made while a run is under way asks
 * for one more run after it (however many such calls come), so nothing asked for is missed and
 * no two runs overlap. The task must handle its own errors.
 */
export class FoldedRun {
  private current: Promise<void> | undefined;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.task();
      } while (this.again);
    })().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  /** Resolves once no run is under way. */
  idle(): Promise<void> {
    return this.current ?? Promise.resolve();
  }
}
