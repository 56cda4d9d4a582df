import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToDashboard, startDashboardRun, type DashboardRun } from './support/browser.js';
import { createVersion, moveWith, seedModel, stagesOf } from './support/fixtures.js';
import type { TestServer } from './support/server.js';

/**
 * Approvals on the dashboard with two people at once: a requester and a reviewer, each in their
 * own browser context (own session storage and websockets), in Debian's chromium against a real
 * server and database. Every change reaches the other page live (promotionRequestChanged).
 */
const LIVE_TIMEOUT_MS = 3_000;
const MODEL = 'fraud-detector';

let run: DashboardRun;
let server: TestServer;
const contexts: BrowserContext[] = [];
let requester: Page;
let reviewer: Page;

const card = (page: Page) => page.locator(`[data-model="${MODEL}"]`);
const requestsOf = (page: Page) => card(page).locator('.request');
const stageOf = (page: Page, version: string) => card(page).locator(`.versions [data-version="${version}"]`).getAttribute('data-stage');
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(run.shots, `approvals-${name}.png`), fullPage: true });

async function open(token: string): Promise<Page> {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await signInToDashboard(page, run.url, token);
  await card(page).waitFor();
  return page;
}

async function policy(stage: string, requiredApprovals: number) {
  const data = await server.ok<{ setStagePolicy: { __typename: string } }>(
    'mutation($m: String!, $s: ModelStage!, $n: Int!) { setStagePolicy(model: $m, stage: $s, requiredApprovals: $n) { __typename } }',
    { m: MODEL, s: stage, n: requiredApprovals },
  );
  expect(data.setStagePolicy.__typename).toBe('SetStagePolicySuccess');
}

async function setStageFromPage(page: Page, version: string, stage: string) {
  const row = card(page).locator(`.versions [data-version="${version}"]`);
  await row.getByLabel(`New stage for ${version}`).selectOption(stage);
  await row.getByRole('button', { name: `Set stage of ${version}` }).click();
  return row;
}

beforeAll(async () => {
  run = await startDashboardRun('approvals');
  server = run.server;
  await seedModel(server, MODEL);
  for (const f1 of [0.88, 0.91, 0.93]) await createVersion(server, MODEL, { metadata: { metrics: { f1 } } });
  await policy('PRODUCTION', 2);
  await policy('STAGING', 1);
  // A second, unprotected model with some history: the grid the README's screenshot shows.
  await seedModel(server, 'churn-predictor');
  for (const [recall, auc] of [[0.61, 0.8], [0.66, 0.82], [0.64, 0.83]]) await createVersion(server, 'churn-predictor', { metadata: { metrics: { recall, auc }, framework: 'lightgbm' } });
  await moveWith(server, 'churn-predictor', '1', 'PRODUCTION', { reason: 'baseline' });
  await moveWith(server, 'churn-predictor', '2', 'STAGING');
  await moveWith(server, 'churn-predictor', '2', 'PRODUCTION', { force: true, reason: '+5% recall on the March cohort' });
  await moveWith(server, 'churn-predictor', '3', 'STAGING', { reason: 'nightly retrain' });
  requester = await open(await server.token(['PROMOTE'], 'ci-pipeline'));
  reviewer = await open(await server.token(['PROMOTE'], 'alice'));
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await run?.close();
});

describe('dashboard approvals, requester and reviewer', () => {
  it('badges the stages that need approvals', async () => {
    for (const page of [requester, reviewer]) {
      expect(await card(page).getByRole('list', { name: 'Approvals needed' }).innerText()).toMatch(/production: 2 approvals\s+staging: 1 approval/);
    }
  });

  it('a promotion into a protected stage opens a request, and says so', async () => {
    const row = await setStageFromPage(requester, '2', 'PRODUCTION');
    await expect.poll(() => row.getByRole('status').innerText()).toBe('PRODUCTION needs 2 approvals: a promotion request is open (0 of 2). Nothing moves until it is approved.');
    expect((await stagesOf(server, MODEL))[2]).toBe('NONE');
    // Both pages list it at once; only the reviewer may review it.
    for (const page of [requester, reviewer]) {
      await expect.poll(() => requestsOf(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
      expect(await requestsOf(page).locator('.request-what strong').innerText()).toBe('2 to PRODUCTION, asked by ci-pipeline: 0 of 2 approvals');
    }
    expect(await requestsOf(requester).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await requestsOf(requester).innerText()).toContain('You asked for it: another token must review it.');
    expect(await requestsOf(reviewer).getByRole('button', { name: 'Approve' }).count()).toBe(1);
    expect(await requestsOf(reviewer).getByRole('button', { name: 'Reject' }).count()).toBe(1);
    await shoot(requester, 'requester-opened');
    await shoot(reviewer, 'reviewer-opened');
  });

  it('the reviewer approves; the requester sees the review live; the last approval moves the version', async () => {
    await requestsOf(reviewer).getByLabel('Comment (optional)').fill('holdout f1 is up');
    await requestsOf(reviewer).getByRole('button', { name: 'Approve' }).click();
    for (const page of [reviewer, requester]) {
      await expect.poll(() => requestsOf(page).locator('.reviews').innerText(), { timeout: LIVE_TIMEOUT_MS }).toBe('Approved by alice: “holdout f1 is up”');
      expect(await requestsOf(page).locator('.request-what strong').innerText()).toBe('2 to PRODUCTION, asked by ci-pipeline: 1 of 2 approvals');
    }
    // One review per token: alice's page offers no second one.
    expect(await requestsOf(reviewer).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await requestsOf(reviewer).innerText()).toContain('You approved it.');
    await shoot(requester, 'requester-one-approval');

    // The second approval, from another reviewer's token through the API.
    const bob = await server.token(['PROMOTE'], 'bob');
    const id = await requestsOf(reviewer).getAttribute('data-request');
    const approved = await server.ok<{ approvePromotion: { __typename: string } }>('mutation($id: ID!) { approvePromotion(id: $id) { __typename } }', { id }, bob);
    expect(approved.approvePromotion.__typename).toBe('ReviewPromotionSuccess');
    for (const page of [requester, reviewer]) {
      await expect.poll(() => stageOf(page, '2'), { timeout: LIVE_TIMEOUT_MS }).toBe('PRODUCTION');
      await expect.poll(() => requestsOf(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
      expect(await card(page).locator('.feed li').first().innerText()).toMatch(/\b2\s+NONE\s+→\s+PRODUCTION\s+by ci-pipeline\s+approved by alice, bob/);
    }
    expect(await requester.locator('.announcement').innerText()).toContain(`${MODEL} version 2`);
    await shoot(requester, 'requester-applied');
  });

  it('the reviewer rejects; the request ends on both pages and nothing moves', async () => {
    const row = await setStageFromPage(requester, '3', 'STAGING');
    await expect.poll(() => row.getByRole('status').innerText()).toContain('STAGING needs 1 approval: a promotion request is open (0 of 1).');
    await expect.poll(() => requestsOf(reviewer).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await requestsOf(reviewer).getByLabel('Comment (optional)').fill('wait for the drift report');
    await requestsOf(reviewer).getByRole('button', { name: 'Reject' }).click();
    for (const page of [reviewer, requester]) await expect.poll(() => requestsOf(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    await expect.poll(() => requester.locator('.announcement').innerText(), { timeout: LIVE_TIMEOUT_MS }).toBe(`Last change: ${MODEL} version 3 to STAGING: rejected by alice`);
    expect((await stagesOf(server, MODEL))[3]).toBe('NONE');
  });

  it('a forced move into a protected stage is previewed, then requested', async () => {
    const row = await setStageFromPage(requester, '3', 'PRODUCTION');
    const alert = row.getByRole('alert');
    await expect.poll(() => alert.locator('.preview').innerText()).toBe('Moves 3 from NONE to PRODUCTION and archives 2.');
    expect(await alert.innerText()).toContain('PRODUCTION needs 2 approvals: confirming opens a promotion request.');
    await alert.getByRole('button', { name: 'Request force (archives 2)' }).click();
    await expect.poll(() => row.getByRole('status').innerText()).toContain('PRODUCTION needs 2 approvals: a promotion request is open (0 of 2).');
    await expect.poll(() => requestsOf(reviewer).locator('.request-what strong').innerText(), { timeout: LIVE_TIMEOUT_MS }).toBe('3 to PRODUCTION (forced), asked by ci-pipeline: 0 of 2 approvals');
    expect(await stagesOf(server, MODEL)).toMatchObject({ 2: 'PRODUCTION', 3: 'NONE' });
    // The requester may withdraw it.
    await requestsOf(requester).getByRole('button', { name: 'Cancel request' }).click();
    for (const page of [requester, reviewer]) await expect.poll(() => requestsOf(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    await shoot(reviewer, 'reviewer-after');
  });

  it('offers no review to a token without PROMOTE', async () => {
    await setStageFromPage(requester, '1', 'STAGING');
    const writer = await open(await server.token(['WRITE'], 'data-scientist'));
    await expect.poll(() => requestsOf(writer).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await requestsOf(writer).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await requestsOf(writer).innerText()).toContain('Reviewing needs the PROMOTE scope.');
    // The reviewer's page with a request waiting: the README's picture.
    await expect.poll(() => requestsOf(reviewer).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await reviewer.setViewportSize({ width: 1440, height: 1000 });
    await shoot(reviewer, 'reviewer-waiting');
    if (process.env.MODELSTAGE_DOCS_SCREENSHOT === '1') await copyFile(path.join(run.shots, 'approvals-reviewer-waiting.png'), path.resolve('docs/dashboard.png'));
  });
});
