import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToDashboard, startDashboardRun, type DashboardRun } from './support/browser.js';
import { createVersion, moveWith, seedModel, stagesOf } from './support/fixtures.js';
import type { TestServer } from './support/server.js';

/**
 * The ledger on the dashboard, in Debian's chromium against a real server and database: the
 * timeline of holders, reasons on the feed, the dry run before a forced move, rollback and the
 * metric chart. Screenshots go to this run's temporary folder.
 */
const LIVE_TIMEOUT_MS = 3_000;
const MODEL = 'fraud-detector';

let run: DashboardRun;
let server: TestServer;
let page: Page;

const card = (target: Page = page) => target.locator(`[data-model="${MODEL}"]`);
const stageOf = (version: string) => card().locator(`.versions [data-version="${version}"]`).getAttribute('data-stage');
const holder = (stage: 'PRODUCTION' | 'STAGING') => card().locator(`[data-lane="${stage}"] .lane-holder`).innerText();
const shoot = (name: string) => page.screenshot({ path: path.join(run.shots, `ledger-${name}.png`), fullPage: true });

const move = (version: string, stage: string, options: { force?: boolean; reason?: string } = {}) => moveWith(server, MODEL, version, stage, options);
async function logLength(): Promise<number> {
  const data = await server.ok<{ stageChanges: { edges: unknown[] } }>('query($m: String) { stageChanges(model: $m, first: 100) { edges { cursor } } }', { m: MODEL });
  return data.stageChanges.edges.length;
}

async function signIn(target: Page, token: string): Promise<void> {
  await signInToDashboard(target, run.url, token);
  await card(target).locator('.timeline').waitFor();
}

beforeAll(async () => {
  run = await startDashboardRun('ledger');
  server = run.server;
  await seedModel(server, MODEL);
  for (const [f1, auc] of [[0.88, 0.91], [0.9, 0.9], [0.93, 0.94]]) await createVersion(server, MODEL, { metadata: { metrics: { f1, auc }, framework: 'xgboost' } });
  await move('1', 'PRODUCTION', { reason: 'first release' });
  await move('2', 'STAGING');
  await move('2', 'PRODUCTION', { force: true, reason: 'better f1 on the holdout set' });
  await move('1', 'STAGING');

  page = await run.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (error) => console.error('[page error]', error));
  await signIn(page, await server.token(['PROMOTE'], 'release-manager'));
}, 180_000);

afterAll(async () => {
  await run?.close();
});

describe('dashboard ledger', () => {
  it('draws who held production and staging, the current holder at the right edge', async () => {
    const production = card().locator('[data-lane="PRODUCTION"]');
    expect(await production.locator('rect.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-stay')))).toEqual(['1', '2']);
    expect(await holder('PRODUCTION')).toBe('2');
    expect(await holder('STAGING')).toBe('1');
    // The current stay ends at the lane's right edge (now); the earlier one ends where it began.
    const track = (await production.locator('.lane-track').boundingBox())!;
    const current = (await production.locator('rect.bar[data-current]').boundingBox())!;
    const earlier = (await production.locator('rect.bar:not([data-current])').boundingBox())!;
    expect(Math.abs(current.x + current.width - (track.x + track.width))).toBeLessThan(1.5);
    expect(earlier.x).toBeLessThan(current.x);
    expect(Math.abs(earlier.x + earlier.width - current.x)).toBeLessThan(1.5);
    // The picture's text alternative names the stays in order.
    expect(await card().locator('.timeline figcaption').textContent()).toBe('PRODUCTION: 1, then 2; held by 2 now. STAGING: 2, then 1; held by 1 now.');
    await shoot('timeline');
  });

  it('shows the reason on the feed line of each change that had one', async () => {
    const lines = card().locator('.feed li');
    expect(await lines.filter({ hasText: 'better f1 on the holdout set' }).count()).toBe(2); // both rows of the forced move
    expect(await lines.filter({ hasText: 'first release' }).innerText()).toMatch(/\b1\s+NONE\s+→\s+PRODUCTION\s+by admin\s+first release/);
    expect(await lines.filter({ hasText: /STAGING\s+→\s+PRODUCTION|NONE\s+→\s+STAGING/ }).locator('.reason').count()).toBe(1);
  });

  it('previews a forced move ("archives 2") before it, and commits nothing until confirmed', async () => {
    const before = await logLength();
    const v3 = card().locator('.versions [data-version="3"]');
    await v3.getByLabel('New stage for 3').selectOption('PRODUCTION');
    await v3.getByRole('button', { name: 'Set stage of 3' }).click();
    const alert = v3.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('PRODUCTION is held by 2.');
    await expect.poll(() => alert.locator('.preview').innerText()).toBe('Moves 3 from NONE to PRODUCTION and archives 2.');
    await shoot('force-preview');
    expect(await logLength()).toBe(before);
    expect((await stagesOf(server, MODEL))[3]).toBe('NONE');

    await alert.getByLabel('Reason (optional)').fill('canary passed');
    await alert.getByRole('button', { name: 'Force (archives 2)' }).click();
    await expect.poll(() => stageOf('3'), { timeout: LIVE_TIMEOUT_MS }).toBe('PRODUCTION');
    await expect.poll(() => stageOf('2'), { timeout: LIVE_TIMEOUT_MS }).toBe('ARCHIVED');
    await expect.poll(() => holder('PRODUCTION'), { timeout: LIVE_TIMEOUT_MS }).toBe('3');
    expect(await card().locator('.feed li').filter({ hasText: 'canary passed' }).count()).toBe(2);
    expect(await logLength()).toBe(before + 2);
  });

  it('refuses a confirmation after the stage moved elsewhere, and previews again', async () => {
    const v1 = card().locator('.versions [data-version="1"]');
    await v1.getByLabel('New stage for 1').selectOption('PRODUCTION');
    await v1.getByRole('button', { name: 'Set stage of 1' }).click();
    const alert = v1.getByRole('alert');
    await expect.poll(() => alert.locator('.preview').innerText()).toBe('Moves 1 from STAGING to PRODUCTION and archives 3.');
    // Meanwhile a pipeline puts 2 back into production.
    await move('2', 'PRODUCTION', { force: true, reason: 'pipeline' });
    await expect.poll(() => holder('PRODUCTION'), { timeout: LIVE_TIMEOUT_MS }).toBe('2');
    await alert.getByRole('button', { name: 'Force (archives 3)' }).click();
    await expect.poll(() => alert.innerText()).toContain('The stage changed since the preview: 2 holds it now. Nothing was moved.');
    await expect.poll(() => alert.locator('.preview').innerText()).toBe('Moves 1 from STAGING to PRODUCTION and archives 2.');
    expect((await stagesOf(server, MODEL))[1]).toBe('STAGING');
    await alert.getByRole('button', { name: 'Cancel' }).click();
    expect(await v1.getByRole('alert').count()).toBe(0);
  });

  it('rolls production back after a dry run that names both versions', async () => {
    const before = await logLength();
    const rollback = card().locator('[data-rollback="PRODUCTION"]');
    await rollback.getByRole('button', { name: 'Roll back production…' }).click();
    const preview = rollback.getByRole('alert');
    await expect.poll(() => preview.locator('.preview').innerText()).toBe('Moves 3 from ARCHIVED to PRODUCTION and archives 2.');
    expect(await logLength()).toBe(before);
    await shoot('rollback-preview');
    await preview.getByLabel('Reason (optional)').fill('2 regressed on latency');
    await preview.getByRole('button', { name: 'Roll back production (archives 2)' }).click();
    await expect.poll(() => rollback.getByRole('status').innerText()).toContain('Rolled back.');
    await expect.poll(() => holder('PRODUCTION'), { timeout: LIVE_TIMEOUT_MS }).toBe('3');
    expect(await stagesOf(server, MODEL)).toMatchObject({ 2: 'ARCHIVED', 3: 'PRODUCTION' });
    expect(await card().locator('.feed li').filter({ hasText: '2 regressed on latency' }).count()).toBe(2);
    expect(await card().locator('[data-lane="PRODUCTION"] rect.bar').count()).toBe(5);
  });

  it('charts the chosen metric across versions', async () => {
    const chart = card().locator('.metric-chart');
    const values = () => chart.locator('[data-point]').evaluateAll((points) => points.map((p) => `${p.getAttribute('data-point')}=${p.getAttribute('data-value')}`));
    expect(await chart.getByLabel('Metric to chart').inputValue()).toBe('metrics.auc');
    expect(await values()).toEqual(['1=0.91', '2=0.9', '3=0.94']);
    await chart.getByLabel('Metric to chart').selectOption('metrics.f1');
    expect(await values()).toEqual(['1=0.88', '2=0.9', '3=0.93']);
    // Higher is drawn higher: 3's dot sits above 1's.
    const y = (label: string) => chart.locator(`[data-point="${label}"] circle`).evaluate((c) => Number(c.getAttribute('cy')));
    expect(await y('3')).toBeLessThan(await y('1'));
    expect(await chart.getByRole('img').getAttribute('aria-label')).toBe('metrics.f1 across versions: 1 0.88, 2 0.9, 3 0.93');
    // The choice survives a live refetch of the card.
    await createVersion(server, MODEL, { metadata: { metrics: { f1: 0.95 } } });
    await move('4', 'STAGING', { force: true });
    await expect.poll(values, { timeout: LIVE_TIMEOUT_MS }).toEqual(['1=0.88', '2=0.9', '3=0.93', '4=0.95']);
    await shoot('metric');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot('phone');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('offers rollback only to a token with PROMOTE', async () => {
    const writer = await run.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(writer, await server.token(['WRITE'], 'ci-writer'));
    expect(await card(writer).locator('.timeline').count()).toBe(1);
    expect(await card(writer).getByRole('button', { name: /Roll back/ }).count()).toBe(0);
    await writer.close();
  });
});
