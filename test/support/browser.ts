import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium: never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** Builds the dashboard from the current sources into a new temporary folder, never a stale dist. */
export async function buildDashboard(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-dashboard-'));
  await promisify(execFile)(path.resolve('node_modules/.bin/vite'), ['build', '--config', 'src/dashboard/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn']);
  return dir;
}
