import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each JSON line instead of stdout (tests that capture what was logged). */
  write?: (line: string) => void;
  /** The file descriptor to write to instead of stdout (1); the benchmarks' servers log to a file. */
  fd?: number;
}

/**
 * Values that must never reach a log, whichever call site passes them by mistake: secrets,
 * credentials and whole GraphQL documents or their variables (which may hold any of those).
 */
const REDACTED_PATHS = [
  'authorization',
  'token',
  'secret',
  'password',
  'query',
  'variables',
  '*.authorization',
  '*.token',
  '*.secret',
  '*.password',
  '*.query',
  '*.variables',
];

/**
 * The server's logger: one JSON object per line (`time` as an ISO date, `level` as its name,
 * `msg`), on stdout unless `write` or `fd` is given. A person at a terminal pipes it through
 * pino-pretty (see docs/operations.md); the server itself never prints another format.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination: DestinationStream | undefined = options.write ? lineWriter(options.write) : undefined;
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    // Synchronous, although a write system call per request line costs about 6% of a read's CPU
    // under load (bench:reads profile): asynchronously, a line logged just before process.exit
    // (the "could not start" line) was lost while its write was in flight.
    destination ?? pino.destination({ fd: options.fd ?? 1, sync: true }),
  );
}

/** pino writes whole lines (with their newline) to a destination; hand each one over without it. */
function lineWriter(write: (line: string) => void): DestinationStream {
  return { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
}

/** A log line's `msg` from a failure, briefly: never a stack, SQL text or secret-shaped value. */
export function briefError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  return `${error.name}: ${error.message.split('\n')[0]!.slice(0, 200)}`.replace(/mst_[A-Za-z0-9_-]+/g, 'mst_…').replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_…');
}
