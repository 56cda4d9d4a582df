import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchChromium } from './support/browser.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The dashboard in a real browser: Debian's chromium (never a downloaded one) against real
 * servers on a real PostgreSQL. Server A serves the page; server B, another instance on the
 * same database, plays "a change made anywhere else" and keeps working while A is down.
 */
const ARTIFACTS = path.resolve('test-artifacts');
/** The page must show a change within a second; the margin absorbs a busy 2-core CI machine. */
const LIVE_TIMEOUT_MS = 3_000;

let dashboardDir: string;
let a: TestServer;
let b: TestServer;
let restarted: TestServer | undefined;
let browser: Browser;
let page: Page;

const card = (model: string) => page.locator(`[data-model="${model}"]`);
const stageOf = (model: string, version: string) => card(model).locator(`[data-version="${version}"]`).getAttribute('data-stage');
const slot = (model: string, name: 'production' | 'staging' | 'latest') => card(model).locator(`[data-slot="${name}"]`).innerText();
const liveStatus = () => page.locator('[data-status]').getAttribute('data-status');
const shoot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

async function signIn(target: Page, token: string): Promise<void> {
  await target.getByLabel('API token').fill(token);
  await target.getByLabel('API token').press('Enter'); // the keyboard is enough
  await target.locator('[data-status="live"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  dashboardDir = await buildDashboard();
  await mkdir(ARTIFACTS, { recursive: true });

  a = await startTestServer({ dashboardDir });
  b = await startTestServer({ databaseUrl: a.databaseUrl, dashboardDir });
  await seedModel(b, 'churn-predictor');
  for (const [f1, auc] of [[0.71, 0.8], [0.74, 0.83]]) await createVersion(b, 'churn-predictor', { metadata: { metrics: { f1, auc }, framework: 'lightgbm' } });
  await seedModel(b, 'fraud-detector');
  for (const [f1, latency] of [[0.88, 12], [0.9, 14], [0.93, 11]]) await createVersion(b, 'fraud-detector', { metadata: { metrics: { f1, latency_ms: latency }, framework: 'xgboost' } });
  await setStage(b, 'fraud-detector', '1', 'PRODUCTION');
  await setStage(b, 'fraud-detector', '2', 'STAGING');
  await seedModel(b, 'search-ranker', 1);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Script errors in the page fail loudly; the refused websocket while a server is down is expected.
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(`http://127.0.0.1:${a.app.port}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await restarted?.stop();
  await b?.stop();
  await a?.stop(); // a owns the database: it drops it last
  if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  it('asks for a token once and shows its name and scopes', async () => {
    await signIn(page, await a.token(['PROMOTE'], 'release-manager'));
    expect(await page.getByTestId('viewer-name').innerText()).toBe('release-manager');
    expect(await page.getByRole('list', { name: 'Token scopes' }).innerText()).toMatch(/READ\s+WRITE\s+PROMOTE/);
    expect(await slot('fraud-detector', 'production')).toBe('1');
    expect(await slot('fraud-detector', 'staging')).toBe('2');
    expect(await slot('fraud-detector', 'latest')).toBe('3');
    expect(await card('fraud-detector').locator('tr', { hasText: 'metrics.f1' }).innerText()).toMatch(/0\.88\s+0\.9\s+0\.93/);
    // The token is kept for the session: a reload does not ask again.
    await page.reload();
    await page.locator('[data-status="live"]').waitFor();
    await shoot('signed-in');
  });

  it('shows a change made through the API without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const started = Date.now();
    await setStage(b, 'churn-predictor', '2', 'STAGING');
    await expect.poll(() => stageOf('churn-predictor', '2'), { timeout: LIVE_TIMEOUT_MS, interval: 50 }).toBe('STAGING');
    const latency = Date.now() - started;
    expect(await slot('churn-predictor', 'staging')).toBe('2');
    expect(await card('churn-predictor').locator('.feed li').first().innerText()).toMatch(/\b2\s+NONE\s+→\s+STAGING\s+by admin/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    console.log(`dashboard showed an API change after ${latency} ms`);
  });

  it('promotes from the page, meets the conflict, and forces', async () => {
    const v3 = card('fraud-detector').locator('[data-version="3"]');
    await v3.getByLabel('New stage for 3').selectOption('PRODUCTION');
    await v3.getByRole('button', { name: 'Set stage of 3' }).click();
    const conflict = v3.getByRole('alert');
    await expect.poll(() => conflict.innerText()).toContain('PRODUCTION is held by 1.');
    await shoot('conflict');
    await conflict.getByRole('button', { name: 'Force (archives 1)' }).press('Enter');
    await expect.poll(() => stageOf('fraud-detector', '3'), { timeout: LIVE_TIMEOUT_MS }).toBe('PRODUCTION');
    await expect.poll(() => stageOf('fraud-detector', '1'), { timeout: LIVE_TIMEOUT_MS }).toBe('ARCHIVED');
    await expect.poll(() => slot('fraud-detector', 'production')).toBe('3');
    const feed = await card('fraud-detector').locator('.feed').innerText();
    expect(feed).toMatch(/\b3\s+NONE\s+→\s+PRODUCTION\s+forced\s+by release-manager/);
    expect(feed).toMatch(/\b1\s+PRODUCTION\s+→\s+ARCHIVED\s+displaced\s+by release-manager/);
    await shoot('after-force');
    await page.setViewportSize({ width: 2560, height: 1440 });
    await shoot('wall-screen');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot('phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('recovers after losing its connection, without losing the change made meanwhile', async () => {
    const port = a.app.port;
    await a.app.stop(); // the page's server goes away; b keeps serving the same database
    await expect.poll(liveStatus, { timeout: 10_000 }).toBe('reconnecting');
    const [change] = (await setStage(b, 'churn-predictor', '1', 'PRODUCTION')).changes;
    await shoot('reconnecting');

    restarted = await startTestServer({ databaseUrl: a.databaseUrl, port, dashboardDir });
    await expect.poll(liveStatus, { timeout: 15_000 }).toBe('live');
    await expect.poll(() => stageOf('churn-predictor', '1'), { timeout: LIVE_TIMEOUT_MS }).toBe('PRODUCTION');
    // Only the subscription announces changes: this one was replayed from the last cursor.
    await expect.poll(() => page.locator('.announcement').innerText(), { timeout: LIVE_TIMEOUT_MS }).toContain('churn-predictor version 1: NONE to PRODUCTION by admin');
    expect(await card('churn-predictor').locator(`[data-cursor="${change!.cursor}"]`).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('disables what a read-only token may not do, and signs out', async () => {
    const reader = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await reader.goto(`http://127.0.0.1:${restarted!.app.port}/`);
    await signIn(reader, await restarted!.token(['READ'], 'wall-screen'));
    expect(await reader.getByText('This token can only read').count()).toBe(1);
    const select = reader.locator('[data-model="fraud-detector"] [data-version="2"] select');
    expect(await select.isDisabled()).toBe(true);
    await reader.getByRole('button', { name: 'Sign out' }).click();
    await reader.getByLabel('API token').waitFor();
    expect(await reader.evaluate(() => sessionStorage.length)).toBe(0);
    await reader.close();
  });

  it('finds models by name', async () => {
    await page.getByLabel('Search models').fill('FRAUD');
    await expect.poll(() => page.locator('[data-model]').count()).toBe(1);
    expect(await card('fraud-detector').count()).toBe(1);
    await page.getByLabel('Search models').fill('');
    await expect.poll(() => page.locator('[data-model]').count()).toBe(3);
  });
});
