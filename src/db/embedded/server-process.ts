import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { EmbeddedStartError } from './errors.js';
import { followOutput, type PostgresLog } from './output.js';
import type { RunUser } from './run-user.js';

export interface PostgresProcess {
  port: number;
  /** Fast shutdown (SIGINT): open sessions are ended, then the cluster is written out. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';

/**
 * Runs `postgres` on `clusterDir`, resolving once it accepts connections. It gets a process
 * group of its own, so a Ctrl-C in a terminal reaches only the server, which stops it last,
 * after its requests have finished; an `exit` hook still takes it down on any other exit.
 */
export async function runPostgres(options: { postgres: string; clusterDir: string; port: number; user: RunUser | undefined; log: PostgresLog | undefined }): Promise<PostgresProcess> {
  const child = spawn(
    options.postgres,
    [
      '-D', options.clusterDir,
      '-p', String(options.port),
      // The readiness line below is matched in English; TCP on loopback only, and no Unix socket
      // files left in /tmp.
      '-c', 'lc_messages=C',
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
    ],
    { uid: options.user?.uid, gid: options.user?.gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const output = followOutput([child.stdout, child.stderr], options.log);
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  try {
    await new Promise<void>((resolve, reject) => {
      output.onLine((line) => line.includes(READY) && resolve());
      child.once('error', (error) => reject(new EmbeddedStartError(`could not run ${options.postgres}: ${error.message}`)));
      child.once('exit', () => reject(new EmbeddedStartError(`PostgreSQL stopped at start in ${options.clusterDir}: ${output.reason()}`)));
    });
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) await stopChild(child);
    throw error;
  }
  return {
    port: options.port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  await exited;
}

/** Whether a failed start was only a port someone else took between our probe and the bind. */
export function portWasTaken(error: unknown): boolean {
  return error instanceof EmbeddedStartError && /could not bind|Address already in use|could not create any TCP\/IP sockets/.test(error.message);
}
