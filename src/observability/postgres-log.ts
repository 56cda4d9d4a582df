import type { Logger } from './logger.js';

/**
 * The embedded PostgreSQL's own output as log lines like the server's: one JSON object per line,
 * `component: "postgres"`, the level taken from PostgreSQL's severity (`ERROR:`, `WARNING:`…).
 * Its lines arrive in chunks, from stdout and stderr alike.
 */
export function postgresLog(logger: Logger): (chunk: string) => void {
  const postgres = logger.child({ component: 'postgres' });
  return (chunk) => {
    for (const line of chunk.split(/\r?\n/)) {
      const text = line.trim();
      if (!text) continue;
      const severity = /\b(PANIC|FATAL|ERROR|WARNING|NOTICE|LOG|INFO|DEBUG\d?|DETAIL|HINT|STATEMENT):/.exec(text)?.[1];
      if (severity === 'PANIC' || severity === 'FATAL' || severity === 'ERROR') postgres.error(text);
      else if (severity === 'WARNING') postgres.warn(text);
      // A failed statement's SQL text only at debug: the message before it says what went wrong.
      else if (severity?.startsWith('DEBUG') || severity === 'STATEMENT') postgres.debug(text);
      else postgres.info(text);
    }
  };
}
