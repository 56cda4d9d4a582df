import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built `modelstage` bin, run as a subprocess against real servers. */
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
