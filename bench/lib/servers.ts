import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serversDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../servers');
export const PROFILE_DIR = path.resolve(serversDir, '../results/profiles');

export type ServerKind = 'modelstage' | 'bare';

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  wsUrl: string;
  pid: number;
  /** Resident set size of the server process, from /proc, in bytes. */
  rss(): number;
  /** CPU time (user + system) the server process has used so far, in seconds. */
  cpuSeconds(): number;
  /** Garbage-collects in the server, then reports its RSS (from /proc) and heap. */
  settledMemory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  env?: Record<string, string>;
}

/**
 * Starts bench/servers/<kind>-server.ts in a child process and waits for its URL. With
 * BENCH_CPU_PROF=modelstage (or bare, or both comma-separated) the server writes a CPU profile to
 * bench/results/profiles when it stops; summarize it with bench/profile-summary.ts.
 */
export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<ServerProcess> {
  const profile = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(kind) ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = fork(path.join(serversDir, `${kind}-server.ts`), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...profile],
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)));
    child.on('message', (message: { type: string; url?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url!);
      }
    });
  });
  return {
    kind,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    pid: child.pid!,
    rss: () => rssOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    settledMemory: () => settledMemory(child),
    stop: () => stopChild(child),
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kib ?? 0) * 1024;
}

/**
 * Starts counting a server's CPU time; the returned function gives the microseconds spent since,
 * divided by `per` (requests, promotions…), never by zero.
 */
export function cpuMeter(server: Pick<ServerProcess, 'cpuSeconds'>): (per?: number) => number {
  const before = server.cpuSeconds();
  return (per = 1) => ((server.cpuSeconds() - before) * 1e6) / Math.max(1, per);
}

/** utime + stime from /proc/PID/stat (in clock ticks of 1/100 s on Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function settledMemory(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  const reply = new Promise<{ heapUsed: number }>((resolve) => {
    const onMessage = (message: { type: string; heapUsed: number }) => {
      if (message.type !== 'memory') return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
  child.send({ type: 'memory' });
  const { heapUsed } = await reply;
  return { rss: rssOf(child.pid!), heapUsed };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // autocannon ends with requests in flight: let them finish rather than abort their SQL.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
