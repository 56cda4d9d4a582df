import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN } from './server.js';

/** The repository, and the built `modelstage` bin that the tests run as a subprocess. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'dist/cli/main.js');

/** The newest modification time under a folder (the dashboard is built separately). */
function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dashboard' ? 0 : newest(full);
    return statSync(full).mtimeMs;
  }));
}

/** Builds dist when it is missing or older than src (`npm ci` builds it through `prepare`). */
export function ensureBuilt(): void {
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(BIN)) throw new Error('could not build dist/cli/main.js');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  url?: string;
  /** The admin token by default; null runs without one. */
  token?: string | null;
  env?: Record<string, string>;
}

function environment({ url, token = ADMIN_TOKEN, env = {} }: CliOptions): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, MODELSTAGE_URL: url, ...env };
  if (token === null) delete result.MODELSTAGE_TOKEN;
  else result.MODELSTAGE_TOKEN = token;
  if (url === undefined) delete result.MODELSTAGE_URL;
  return result;
}

/** Starts the bin (or `command`) with the token and URL in the environment. */
export function start(args: string[], options: CliOptions = {}, command = ['node', BIN]): ChildProcess {
  return spawn(command[0]!, [...command.slice(1), ...args], { cwd: ROOT, env: environment(options), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Feeds stdin and collects what the process prints until it exits. */
export function finish(child: ChildProcess, input = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdin!.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export const jsonOf = (run: Run) => JSON.parse(run.stdout) as any;

/** A free TCP port: for a server started by the CLI itself, or one where nothing listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
