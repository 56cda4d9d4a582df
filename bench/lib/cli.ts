import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Flags shared by every benchmark: `--quick` for a short run, `--duration` seconds per load test. */
export function benchArgs(extra: NonNullable<ParseArgsConfig['options']> = {}) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, duration: { type: 'string' }, ...extra } });
  const flags = values as Record<string, string | boolean | undefined>;
  const quick = flags.quick === true;
  return { flags, quick, duration: Number(flags.duration ?? (quick ? 3 : 10)) };
}

/** Runs a benchmark's main function, making sure the process ends, also on failure. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
