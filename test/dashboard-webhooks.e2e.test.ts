import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToDashboard, startDashboardRun, type DashboardRun } from './support/browser.js';
import { createVersion, seedModel } from './support/fixtures.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { ADMIN_TOKEN, type TestServer } from './support/server.js';

/**
 * New versions appear live (versionCreated), and the Webhooks page for ADMIN tokens: deliveries
 * with status and last error, Enable after the webhook was disabled, Redeliver. Debian's
 * chromium, a real server and database, a real receiver on 127.0.0.1.
 */
const LIVE_TIMEOUT_MS = 3_000;
/** The page reads deliveries again every 4 s; the margin absorbs a busy machine. */
const PAGE_POLL_TIMEOUT_MS = 12_000;
const MODEL = 'churn-predictor';

let run: DashboardRun;
let server: TestServer;
let receiver: Receiver;
let page: Page;
let webhookId: string;

const shoot = (name: string) => page.screenshot({ path: path.join(run.shots, `webhooks-${name}.png`), fullPage: true });
const webhookCard = () => page.locator(`[data-webhook="${receiver.url}"]`);

async function webhookActive(): Promise<boolean> {
  const data = await server.ok<{ node: { active: boolean } }>('query($id: ID!) { node(id: $id) { ... on Webhook { active } } }', { id: webhookId });
  return data.node.active;
}

beforeAll(async () => {
  // Two quick retries, then FAILED and the webhook disabled; receivers on 127.0.0.1 allowed.
  run = await startDashboardRun('webhooks', { webhooks: { allowPrivate: true, retryDelaysMs: [100, 100] } });
  server = run.server;
  receiver = await startReceiver(() => ({ status: 500 }));
  const created = await server.ok<{ createWebhook: { webhook: { id: string } } }>(
    'mutation($url: String!) { createWebhook(url: $url, events: [STAGE_CHANGED, VERSION_CREATED], description: "deploy bot") { ... on CreateWebhookSuccess { webhook { id } } } }',
    { url: receiver.url },
  );
  webhookId = created.createWebhook.webhook.id;
  await seedModel(server, MODEL);
  await createVersion(server, MODEL, { metadata: { metrics: { f1: 0.7 } } });
  for (const deadline = Date.now() + 15_000; await webhookActive(); ) {
    if (Date.now() > deadline) throw new Error('the webhook was not disabled after its last retry');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Made while the webhook is disabled: no message for it.
  await createVersion(server, MODEL, { metadata: { metrics: { f1: 0.72 } } });

  page = await run.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error('[page error]', error));
  await signInToDashboard(page, run.url, ADMIN_TOKEN);
}, 180_000);

afterAll(async () => {
  await receiver?.close();
  await run?.close();
});

describe('dashboard: live versions and webhooks', () => {
  it('shows a new version as LATEST the moment it is created, without a refresh', async () => {
    const card = page.locator(`[data-model="${MODEL}"]`);
    expect(await card.locator('[data-slot="latest"]').innerText()).toBe('2');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const started = Date.now();
    await createVersion(server, MODEL, { metadata: { metrics: { f1: 0.75 } } });
    await expect.poll(() => card.locator('[data-slot="latest"]').innerText(), { timeout: LIVE_TIMEOUT_MS, interval: 50 }).toBe('3');
    console.log(`dashboard showed a new version after ${Date.now() - started} ms`);
    expect(await card.locator('.versions [data-version="3"]').getAttribute('data-stage')).toBe('NONE');
    expect(await page.locator('.announcement').innerText()).toContain(`${MODEL} version 3 created`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('lists webhooks with their deliveries, status and last error', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Webhooks' }).click();
    await webhookCard().waitFor();
    expect(await webhookCard().getAttribute('data-active')).toBe('false');
    expect(await webhookCard().locator('.webhook-state').innerText()).toContain('Disabled');
    const first = receiver.received[0]!.headers['webhook-id'] as string;
    const failed = webhookCard().locator(`[data-delivery="${first}"]`);
    expect(await failed.getAttribute('data-status')).toBe('FAILED');
    expect(await failed.locator('.delivery-event').innerText()).toBe('version_created');
    expect(await failed.locator('.delivery-detail').innerText()).toBe('Failed after 3 attempts: HTTP 500.');
    expect(receiver.received).toHaveLength(3);
    await shoot('disabled');
  });

  it('enables a disabled webhook, and redelivers a failed message with its own id', async () => {
    receiver.answer(() => ({ status: 204 }));
    // A new version while it is active again: that message goes out.
    await webhookCard().getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => webhookCard().getAttribute('data-active'), { timeout: LIVE_TIMEOUT_MS }).toBe('true');
    expect(await webhookActive()).toBe(true);
    await createVersion(server, MODEL);
    await receiver.waitFor(4);
    const fresh = receiver.received[3]!.headers['webhook-id'] as string;
    await expect.poll(() => webhookCard().locator(`[data-delivery="${fresh}"]`).getAttribute('data-status'), { timeout: PAGE_POLL_TIMEOUT_MS }).toBe('DELIVERED');

    const first = receiver.received[0]!.headers['webhook-id'] as string;
    await webhookCard().getByRole('button', { name: `Redeliver ${first}` }).click();
    await receiver.waitFor(5);
    expect(receiver.received[4]!.headers['webhook-id']).toBe(first);
    await expect.poll(() => webhookCard().locator(`[data-delivery="${first}"]`).getAttribute('data-status'), { timeout: PAGE_POLL_TIMEOUT_MS }).toBe('DELIVERED');
    expect(await webhookCard().locator(`[data-delivery="${first}"] .delivery-detail`).innerText()).toBe('Delivered after 4 attempts (HTTP 204).');
    await shoot('redelivered');
  });

  it('shows the Webhooks page to ADMIN tokens only', async () => {
    const other = await run.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInToDashboard(other, run.url, await server.token(['PROMOTE'], 'release-manager'));
    expect(await other.getByRole('button', { name: 'Webhooks' }).count()).toBe(0);
    await other.close();
  });
});
