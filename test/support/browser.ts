import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppOptions } from '../../src/server/app.js';
import { startTestServer, type TestServer } from './server.js';

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

/** Opens the dashboard at `url` in `page` and signs in with `token`, until its status says Live. */
export async function signInToDashboard(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('API token').fill(token);
  await page.getByLabel('API token').press('Enter'); // the keyboard is enough
  await page.locator('[data-status="live"]').waitFor({ timeout: 15_000 });
}

/** One browser test's set-up: the page built from the sources, a server serving it, chromium, a screenshot folder. */
export interface DashboardRun {
  server: TestServer;
  browser: Browser;
  /** The dashboard's address on the server. */
  url: string;
  /** This run's screenshot folder (kept, and named when the run closes). */
  shots: string;
  close(): Promise<void>;
}

export async function startDashboardRun(name: string, options: Partial<AppOptions> = {}): Promise<DashboardRun> {
  const dashboardDir = await buildDashboard();
  const shots = await mkdtemp(path.join(os.tmpdir(), `modelstage-${name}-`));
  const server = await startTestServer({ dashboardDir, ...options });
  const browser = await launchChromium();
  return {
    server,
    browser,
    url: `http://127.0.0.1:${server.app.port}/`,
    shots,
    close: async () => {
      await browser.close();
      await server.stop();
      await rm(dashboardDir, { recursive: true, force: true });
      console.log(`${name} screenshots: ${shots}`);
    },
  };
}
