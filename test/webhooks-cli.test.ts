import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, finish, start } from './support/cli.js';
import { seedModel, setStage } from './support/fixtures.js';
import { eventually, startReceiver, type Receiver } from './support/receiver.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

beforeAll(ensureBuilt, 180_000);

describe('modelstage webhook …', { timeout: 120_000 }, () => {
  let server: TestServer;
  let hook: Receiver;
  const cli = (args: string[], token = ADMIN_TOKEN) => finish(start(args, { url: server.url, token }));

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { allowPrivate: true, retryDelaysMs: [100] } });
    hook = await startReceiver();
  });
  afterAll(async () => {
    await hook?.close();
    await server?.stop();
  });

  it('create prints the secret alone; the messages verify with it; list, update, deliveries, redeliver, rotate-secret, delete', async () => {
    await seedModel(server, 'cli-hooks', 1);
    const created = await cli(['webhook', 'create', hook.url, '--event', 'stage_changed,VERSION_CREATED', '--model', 'cli-hooks', '--description', 'ci']);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.stdout).toBe(`${secret}\n`);

    const listed = await cli(['--json', 'webhook', 'list']);
    expect(listed.code).toBe(0);
    const [webhook] = JSON.parse(listed.stdout);
    expect(webhook).toEqual({ id: expect.any(String), url: hook.url, events: ['STAGE_CHANGED', 'VERSION_CREATED'], model: 'cli-hooks', active: true });
    expect(listed.stdout).not.toContain(secret);

    await setStage(server, 'cli-hooks', '1', 'STAGING');
    const [message] = await hook.waitFor(1);
    expect(new StandardWebhook(secret).verify(message!.body, message!.headers as Record<string, string>)).toBeTruthy();

    const deliveries = await eventually(async () => {
      const run = await cli(['--json', 'webhook', 'deliveries', webhook.id, '--status', 'delivered']);
      const parsed = JSON.parse(run.stdout);
      return parsed.length === 1 ? parsed : undefined;
    });
    expect(Object.keys(deliveries[0]).sort()).toEqual(['attempts', 'createdAt', 'deliveredAt', 'event', 'id', 'lastError', 'lastResponseStatus', 'messageId', 'status'].sort());
    expect(deliveries[0]).toMatchObject({ event: 'STAGE_CHANGED', status: 'DELIVERED', attempts: 1, messageId: message!.headers['webhook-id'] });
    expect(JSON.parse((await cli(['--json', 'webhook', 'deliveries', webhook.id, '--status', 'FAILED'])).stdout)).toEqual([]);

    const redelivered = await cli(['webhook', 'redeliver', deliveries[0].id]);
    expect(redelivered.code).toBe(0);
    const [, again] = await hook.waitFor(2);
    expect(again!.headers['webhook-id']).toBe(message!.headers['webhook-id']);

    const disabled = await cli(['--json', 'webhook', 'update', webhook.id, '--active', 'false']);
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ id: webhook.id, active: false });

    const rotated = await cli(['webhook', 'rotate-secret', webhook.id]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout.trim()).toMatch(/^whsec_/);
    expect(rotated.stdout.trim()).not.toBe(secret);
    const rotatedJson = JSON.parse((await cli(['--json', 'webhook', 'rotate-secret', webhook.id])).stdout);
    expect(rotatedJson.secret).toMatch(/^whsec_/);

    expect((await cli(['webhook', 'delete', webhook.id])).code).toBe(0);
    const gone = await cli(['--json', 'webhook', 'delete', webhook.id]);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stderr).error.code).toBe('NOT_FOUND');
  });

  it('exits 2 on bad usage and 1 on a refusal', async () => {
    expect((await cli(['webhook', 'create', hook.url, '--event', 'nope'])).code).toBe(2);
    expect((await cli(['webhook', 'update', 'x', '--active', 'maybe'])).code).toBe(2);
    expect((await cli(['webhook', 'deliveries', 'x', '--status', 'lost'])).code).toBe(2);
    expect((await cli(['webhook', 'create'])).code).toBe(2);
    const invalid = await cli(['--json', 'webhook', 'create', 'ftp://127.0.0.1/']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stderr).error).toMatchObject({ code: 'INVALID_INPUT' });
    const reader = await server.token(['READ']);
    const forbidden = await cli(['--json', 'webhook', 'list'], reader);
    expect(forbidden.code).toBe(1);
    expect(JSON.parse(forbidden.stderr).error.code).toBe('FORBIDDEN');
    const missing = await cli(['--json', 'webhook', 'deliveries', 'bm9wZQ']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).error.code).toBe('NOT_FOUND');
  });
});
