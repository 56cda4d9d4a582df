import { rm } from 'node:fs/promises';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchChromium } from './support/browser.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let dashboardDir: string;

beforeAll(async () => {
  dashboardDir = await buildDashboard();
  server = await startTestServer({ dashboardDir });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
});

interface GraphqlCall {
  authorization: string | undefined;
  status: number;
  introspection: boolean;
  body: { data?: { __schema?: unknown } | null; errors?: { extensions?: { code?: string } }[] };
}

/** Every POST to /graphql the page makes, with the token it sent and what came back. */
function recordGraphql(page: Page): GraphqlCall[] {
  const calls: GraphqlCall[] = [];
  page.on('response', (response: Response) => {
    const request = response.request();
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    void response.json().then((body: GraphqlCall['body']) => calls.push({
      authorization: request.headers().authorization,
      status: response.status(),
      introspection: (request.postData() ?? '').includes('__schema'),
      body,
    }), () => undefined);
  });
  return calls;
}

const schemaLoaded = (page: Page) => page.getByRole('button', { name: /Show Documentation Explorer/i }).click()
  .then(() => page.getByText('A GraphQL schema provides a root type for each kind of operation.').waitFor({ timeout: 20_000 }));

describe('GraphiQL', () => {
  it('opens in a browser with no access beyond the server (no CDN)', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    // Anything that is not this server is refused, as on a machine without internet access.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`http://127.0.0.1:${server.app.port}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Open GraphiQL' }).click();
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toBe('Modelstage GraphiQL');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('asks for a token before it introspects, refuses a bad one, then loads the schema', async () => {
    const page = await browser.newPage();
    const calls = recordGraphql(page);
    await page.goto(server.url);
    await page.getByLabel('API token').fill('mst_not_a_token');
    await page.getByRole('button', { name: 'Open GraphiQL' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That token was refused');
    expect(await page.locator('.graphiql-container').count()).toBe(0);

    const token = await server.token(['READ'], 'explorer');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Open GraphiQL' }).click();
    await schemaLoaded(page);
    const introspections = calls.filter((call) => call.introspection);
    expect(introspections.length).toBeGreaterThan(0);
    expect(introspections.every((call) => call.authorization === `Bearer ${token}` && call.status === 200 && call.body.data?.__schema)).toBe(true);
    // The token stays in this tab's session, as the dashboard keeps it, never in localStorage.
    expect(await page.evaluate(() => sessionStorage.getItem('modelstage.token'))).toBe(token);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token);
    await page.close();
  });

  it('asks again when the token this tab kept has been revoked since', async () => {
    const page = await browser.newPage();
    const token = await server.token(['READ'], 'soon-revoked');
    const { apiTokens } = await server.ok<{ apiTokens: { id: string; name: string }[] }>('{ apiTokens { id name } }');
    await page.goto(server.url);
    await page.evaluate((kept) => sessionStorage.setItem('modelstage.token', kept), token);
    await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: apiTokens.find((t) => t.name === 'soon-revoked')!.id });
    await page.reload();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('The token this tab was signed in with was refused');
    expect(await page.evaluate(() => sessionStorage.getItem('modelstage.token'))).toBeNull();
    expect(await page.locator('.graphiql-container').count()).toBe(0);
    await page.close();
  });

  it('uses the token the dashboard signed in with, and fetches the schema again when the headers change', async () => {
    const page = await browser.newPage();
    const calls = recordGraphql(page);
    const dashboardToken = await server.token(['READ'], 'dashboard-user');
    await page.goto(server.url.replace(/graphql$/, ''));
    await page.getByLabel('API token').fill(dashboardToken);
    await page.getByLabel('API token').press('Enter');
    await page.locator('[data-status="live"]').waitFor({ timeout: 15_000 });

    await page.goto(server.url); // the same tab, the same origin
    await schemaLoaded(page);
    expect(await page.getByLabel('API token').count()).toBe(0);
    const refused = calls.filter((call) => call.status !== 200 || call.body.errors?.length);
    expect(refused).toEqual([]);
    expect(calls.filter((call) => call.introspection).map((call) => call.authorization)).toContain(`Bearer ${dashboardToken}`);

    // Another token typed into the headers pane: the schema is fetched with it, no manual re-fetch.
    const other = await server.token(['READ'], 'second-token');
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor:visible').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${other}` }));
    await expect.poll(() => calls.filter((call) => call.introspection && call.authorization === `Bearer ${other}`).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
