import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchChromium } from './support/browser.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

/** The dashboard on a phone (390 x 844 CSS pixels, an iPhone 12 to 15), in Debian's chromium. */
const PHONE = { width: 390, height: 844 };

let dashboardDir: string;
let shots: string;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dashboardDir = await buildDashboard();
  shots = await mkdtemp(path.join(os.tmpdir(), 'modelstage-phone-'));
  server = await startTestServer({ dashboardDir });
  // Long names and keys, a named version beside numbered ones: what makes a narrow table overflow.
  await seedModel(server, 'customer-lifetime-value-regressor');
  const metadata = (auc: number) => ({ metrics: { auc, precision_at_10_percent: auc - 0.1 }, framework: 'lightgbm', training_dataset: 's3://ml-data/clv/2026-11-27' });
  await createVersion(server, 'customer-lifetime-value-regressor', { name: '2026.11.27-release-candidate', metadata: metadata(0.81) });
  await createVersion(server, 'customer-lifetime-value-regressor', { metadata: metadata(0.83) });
  await createVersion(server, 'customer-lifetime-value-regressor', { metadata: metadata(0.84) });
  await setStage(server, 'customer-lifetime-value-regressor', '2026.11.27-release-candidate', 'PRODUCTION');
  await setStage(server, 'customer-lifetime-value-regressor', '2', 'STAGING');

  browser = await launchChromium();
  page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(`http://127.0.0.1:${server.app.port}/`);
  await page.getByLabel('API token').fill(ADMIN_TOKEN);
  await page.getByLabel('API token').press('Enter');
  await page.locator('[data-status="live"]').waitFor({ timeout: 15_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const dir of [dashboardDir, shots]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('dashboard at phone width', () => {
  it('keeps the three stage columns on screen, without a sideways scroll', async () => {
    const card = page.locator('[data-model="customer-lifetime-value-regressor"]');
    await card.locator('[data-slot="latest"]').waitFor();
    for (const slot of ['production', 'staging', 'latest']) {
      const box = (await card.locator(`[data-slot="${slot}"]`).boundingBox())!;
      expect({ slot, left: box.x >= 0, right: box.x + box.width <= PHONE.width }).toEqual({ slot, left: true, right: true });
    }
    for (const header of ['Production', 'Staging', 'Latest']) {
      const box = (await card.getByRole('columnheader', { name: header }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    // A mobile browser widens its layout viewport to fit wider content: compare with the phone's width.
    const overflow = await page.evaluate((width) => {
      const scroller = document.querySelector('.table-scroll')!;
      const wider = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 0.5);
      return { page: document.documentElement.scrollWidth - width, table: scroller.scrollWidth - scroller.clientWidth, wider: wider.map((element) => element.outerHTML.slice(0, 80)) };
    }, PHONE.width);
    expect(overflow).toEqual({ page: 0, table: 0, wider: [] });

    const file = path.join(shots, 'dashboard-phone.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(10_000);
  });

  it('labels versions one way: the name, with the number beside it when they differ', async () => {
    const card = page.locator('[data-model="customer-lifetime-value-regressor"]');
    expect(await card.locator('[data-slot="production"]').innerText()).toBe('2026.11.27-release-candidate #1');
    expect(await card.locator('[data-slot="staging"]').innerText()).toBe('2');
    expect(await card.locator('[data-slot="latest"]').innerText()).toBe('3');
    expect(await card.locator('[data-version="2026.11.27-release-candidate"] .version-name').innerText()).toBe('2026.11.27-release-candidate #1');
    expect(await card.locator('[data-version="3"] .version-name').innerText()).toBe('3');
    expect(await card.locator('.feed').innerText()).toMatch(/2026\.11\.27-release-candidate #1\s+NONE\s+→\s+PRODUCTION/);
  });

  it('lists metadata keys in one stable order', async () => {
    const keys = await page.locator('[data-model="customer-lifetime-value-regressor"] .slots tbody th[scope="row"]').allInnerTexts();
    expect(keys).toEqual(['Version', 'framework', 'metrics.auc', 'metrics.precision_at_10_percent', 'training_dataset']);
  });

  it('has a favicon', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await fetch(new URL(href!, `http://127.0.0.1:${server.app.port}/`));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });
});
