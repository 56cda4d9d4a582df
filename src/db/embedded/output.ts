import type { Readable } from 'node:stream';

/** Where the embedded PostgreSQL's own output goes, one line per call (initdb's and the server's). */
export type PostgresLog = (line: string) => void;

/**
 * Splits a child's streams into lines for `log`, keeping the last few so that a failure can be
 * told in one line (PostgreSQL's own FATAL/error line).
 */
export function followOutput(streams: (Readable | null)[], log: PostgresLog | undefined) {
  const recent: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  for (const stream of streams) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
    });
    stream?.on('end', () => pending && emit(pending));
  }
  function emit(line: string) {
    if (!line.trim()) return;
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log?.(line);
    for (const listener of lineListeners) listener(line);
  }
  return {
    onLine: (listener: (line: string) => void) => lineListeners.add(listener),
    /** PostgreSQL's own reason, e.g. `FATAL:  could not bind…` or `initdb: error: …`. */
    reason: () => [...recent].reverse().find((line) => /FATAL|PANIC|error:|ERROR/.test(line))?.trim() ?? recent.at(-1)?.trim() ?? 'no output',
  };
}
