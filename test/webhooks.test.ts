import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEvent } from '../src/webhooks/outbox.js';
import { freshDatabase, sql } from './support/database.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { eventually, startReceiver, type Receiver } from './support/receiver.js';
import { startCluster, startTestServer, type TestServer } from './support/server.js';

const CREATE_WEBHOOK = `
  mutation($url: String!, $events: [WebhookEvent!], $model: String, $description: String) {
    createWebhook(url: $url, events: $events, model: $model, description: $description) {
      __typename
      ... on CreateWebhookSuccess { secret webhook { id url events active description model { name } } }
      ... on Error { code message }
      ... on ValidationError { field }
    }
  }`;

const WEBHOOK = `
  query($id: ID!, $status: WebhookDeliveryStatus) {
    node(id: $id) {
      ... on Webhook {
        id url active events
        deliveries(first: 100, status: $status) {
          edges { node { id messageId event status attempts payload lastResponseStatus lastError lastAttemptAt nextAttemptAt deliveredAt createdAt webhook { id } } }
        }
      }
    }
  }`;

interface Delivery {
  id: string;
  messageId: string;
  event: string;
  status: string;
  attempts: number;
  payload: any;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** Short retries, and receivers on 127.0.0.1 allowed. */
const FAST = { allowPrivate: true, retryDelaysMs: [150, 150, 150] };

async function createWebhook(server: TestServer, url: string, args: { events?: string[]; model?: string; description?: string } = {}) {
  const data = await server.ok<{ createWebhook: any }>(CREATE_WEBHOOK, { url, ...args });
  if (data.createWebhook.__typename !== 'CreateWebhookSuccess') throw new Error(`createWebhook: ${JSON.stringify(data.createWebhook)}`);
  return { id: data.createWebhook.webhook.id as string, secret: data.createWebhook.secret as string };
}

async function webhookState(server: TestServer, id: string, status?: string): Promise<{ active: boolean; deliveries: Delivery[] }> {
  const data = await server.ok<{ node: { active: boolean; deliveries: { edges: { node: Delivery }[] } } }>(WEBHOOK, { id, status });
  return { active: data.node.active, deliveries: data.node.deliveries.edges.map((edge) => edge.node) };
}

/** Standard Webhooks' own verifier (the `standardwebhooks` package), not the server's code. */
function verify(secret: string, received: { body: string; headers: Record<string, unknown> }) {
  return new StandardWebhook(secret).verify(received.body, {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  });
}

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  for (const started of receivers.splice(0)) await started.close();
});

describe('webhooks', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhooks: FAST });
  });
  afterAll(() => server?.stop());

  it('delivers a stage change and a new version, signed (checked by standardwebhooks), in the contract\'s format', async () => {
    const hook = await receiver();
    await seedModel(server, 'format-model', 1);
    const { id, secret } = await createWebhook(server, hook.url, { events: ['STAGE_CHANGED', 'VERSION_CREATED'], model: 'format-model' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const moved = (
      await server.ok<any>(
        'mutation { setStage(name: "format-model", version: "1", stage: STAGING, reason: "canary ok") { ... on SetStageSuccess { changes { cursor } } } }',
      )
    ).setStage;
    await createVersion(server, 'format-model', { name: 'second' });
    const [stageMessage, versionMessage] = await hook.waitFor(2);

    const change = moved.changes[0]!;
    const [logged] = (
      await server.ok<any>('{ stageChanges(first: 100) { edges { node { cursor occurredAt transactionId reason approvedBy } } } }')
    ).stageChanges.edges.map((edge: any) => edge.node).filter((node: any) => node.cursor === change.cursor);
    expect(logged).toMatchObject({ reason: 'canary ok', approvedBy: [] });
    expect(verify(secret, stageMessage!)).toEqual(stageMessage!.message);
    expect(stageMessage!.message).toEqual({
      type: 'stage.changed',
      timestamp: logged.occurredAt,
      data: {
        cursor: change.cursor,
        model: 'format-model',
        version: '1',
        number: 1,
        from: 'NONE',
        to: 'STAGING',
        forced: false,
        displaced: false,
        actor: 'admin',
        reason: 'canary ok',
        approvedBy: [],
        occurredAt: logged.occurredAt,
        transactionId: logged.transactionId,
      },
    });
    expect(stageMessage!.headers['user-agent']).toMatch(/^Modelstage-Webhooks\/\d+\.\d+\.\d+/);
    expect(stageMessage!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(stageMessage!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);

    const version = await server.ok<any>('{ modelVersion(name: "format-model", version: "second") { createdAt } }');
    expect(verify(secret, versionMessage!)).toBeTruthy();
    expect(versionMessage!.message).toEqual({
      type: 'version.created',
      timestamp: version.modelVersion.createdAt,
      data: { model: 'format-model', version: 'second', number: 2, actor: 'admin', createdAt: version.modelVersion.createdAt },
    });

    const state = await eventually(async () => {
      const current = await webhookState(server, id);
      return current.deliveries.every((delivery) => delivery.status === 'DELIVERED') ? current : undefined;
    });
    // Newest first: the version message, then the stage change.
    expect(state.deliveries.map((delivery) => delivery.event)).toEqual(['VERSION_CREATED', 'STAGE_CHANGED']);
    expect(state.deliveries[1]).toMatchObject({ messageId: stageMessage!.headers['webhook-id'], attempts: 1, lastResponseStatus: 200, lastError: null, nextAttemptAt: null });
    expect(state.deliveries[1]!.payload).toEqual(stageMessage!.message);
    expect(state.deliveries[1]!.deliveredAt).not.toBeNull();
  });

  it('makes messages only for committed events that match the webhook\'s events and model, never one for a conflict', async () => {
    const hook = await receiver();
    await seedModel(server, 'filter-a', 2);
    await seedModel(server, 'filter-b', 1);
    const { id } = await createWebhook(server, hook.url, { model: 'filter-a' });
    await setStage(server, 'filter-a', '1', 'PRODUCTION');
    expect((await setStage(server, 'filter-a', '2', 'PRODUCTION')).__typename).toBe('StageConflictError');
    await setStage(server, 'filter-b', '1', 'PRODUCTION');
    await createVersion(server, 'filter-a');
    // A forced move: two changes in one transaction, two messages in cursor order.
    await setStage(server, 'filter-a', '2', 'PRODUCTION', true);
    const received = await hook.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hook.received).toHaveLength(3);
    expect(received.map((r) => [r.message.data.version, r.message.data.to, r.message.data.displaced])).toEqual([
      ['1', 'PRODUCTION', false],
      ['1', 'ARCHIVED', true],
      ['2', 'PRODUCTION', false],
    ]);
    const { deliveries } = await webhookState(server, id);
    expect(deliveries).toHaveLength(3);
    // Newest first; of one transaction's messages, the later change first.
    expect(deliveries.map((delivery) => delivery.payload.data.cursor)).toEqual(received.map((r) => r.message.data.cursor).reverse());
  });

  it('a producer\'s enqueueEvent commits or rolls back with its transaction', async () => {
    const hook = await receiver();
    await seedModel(server, 'producer-model', 1);
    const [model] = await sql<{ id: string }>(server.databaseUrl, "select id::text from model where name = 'producer-model'");
    await createWebhook(server, hook.url, { events: ['PROMOTION_REQUEST_UPDATED'], model: 'producer-model' });
    const data = { id: 'UHJvbW90aW9uUmVxdWVzdDox', model: 'producer-model', version: '1', number: 1, stage: 'PRODUCTION', force: false, status: 'PENDING', requestedBy: 'admin', approvals: 0, requiredApprovals: 1 };
    const em = server.app.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await enqueueEvent(tx, { event: 'promotion_request_updated', modelId: model!.id, data });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await em.transactional((tx) => enqueueEvent(tx, { event: 'promotion_request_updated', modelId: model!.id, data: { ...data, status: 'APPLIED', approvals: 1 } }));
    const [message] = await hook.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hook.received).toHaveLength(1);
    expect(message!.message).toMatchObject({ type: 'promotion_request.updated', data: { status: 'APPLIED', approvals: 1, model: 'producer-model' } });
  });

  it('delivers 100 events to one webhook in cursor order, whatever the receiver\'s timing', async () => {
    const hook = await receiver(() => ({ status: 200, delayMs: Math.floor(Math.random() * 5) }));
    await seedModel(server, 'order-model', 2);
    await createWebhook(server, hook.url, { model: 'order-model' });
    // Two writers at once, each moving its own version back and forth: 100 committed changes.
    const moves: Record<number, string[]> = { 1: ['STAGING', 'NONE'], 2: ['ARCHIVED', 'NONE'] };
    const outcomes = await Promise.all(
      [1, 2].map(async (version) => {
        const kinds: string[] = [];
        for (let i = 0; i < 50; i += 1) kinds.push((await setStage(server, 'order-model', String(version), moves[version]![i % 2]!)).__typename);
        return kinds;
      }),
    );
    expect(outcomes.flat().filter((kind) => kind !== 'SetStageSuccess')).toEqual([]);
    const received = await hook.waitFor(100, 30_000);
    const cursors = received.map((r) => BigInt(r.message.data.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(100);
  });

  it('retries a failed attempt with the same webhook-id until a 2xx', async () => {
    const hook = await receiver((_received, count) => ({ status: count <= 2 ? 503 : 204 }));
    await seedModel(server, 'retry-model', 1);
    const { id } = await createWebhook(server, hook.url, { model: 'retry-model' });
    await setStage(server, 'retry-model', '1', 'STAGING');
    const attempts = await hook.waitFor(3);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(140);
    const [delivery] = (await eventually(async () => {
      const state = await webhookState(server, id);
      return state.deliveries[0]?.status === 'DELIVERED' ? state : undefined;
    })).deliveries;
    expect(delivery).toMatchObject({ attempts: 3, lastResponseStatus: 204, lastError: null, messageId: attempts[0]!.headers['webhook-id'] });
  });

  it('gives up after the last retry: FAILED, the webhook disabled, later messages wait until it is enabled again, then go in order; redeliver sends one again', async () => {
    let healthy = false;
    const hook = await receiver(() => ({ status: healthy ? 200 : 500 }));
    await seedModel(server, 'giveup-model', 3);
    const { id } = await createWebhook(server, hook.url, { model: 'giveup-model' });
    await setStage(server, 'giveup-model', '1', 'STAGING');
    await setStage(server, 'giveup-model', '2', 'PRODUCTION');
    // One attempt and three retries, all for the first message: the second waits behind it.
    const state = await eventually(async () => {
      const current = await webhookState(server, id);
      return current.active ? undefined : current;
    });
    expect(hook.received).toHaveLength(4);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [waiting, failed] = state.deliveries;
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 4, lastResponseStatus: 500, lastError: 'HTTP 500', nextAttemptAt: null });
    // It waits for the webhook to be enabled again: no attempt is planned until then.
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: null });

    // Inactive: no message for a new event, and nothing is sent.
    await setStage(server, 'giveup-model', '3', 'ARCHIVED');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await webhookState(server, id)).deliveries).toHaveLength(2);
    expect(hook.received).toHaveLength(4);

    healthy = true;
    await setStage(server, 'giveup-model', '3', 'NONE');
    expect((await webhookState(server, id)).deliveries).toHaveLength(2);
    const enabled = await server.ok<any>('mutation($id: ID!) { updateWebhook(id: $id, active: true) { __typename ... on UpdateWebhookSuccess { webhook { active } } } }', { id });
    expect(enabled.updateWebhook.webhook.active).toBe(true);
    const [, , , , next] = await hook.waitFor(5);
    expect(next!.headers['webhook-id']).toBe(waiting!.messageId);
    expect(next!.message.data.version).toBe('2');

    const redelivered = await server.ok<any>(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename ... on RedeliverWebhookSuccess { delivery { id messageId } } } }',
      { id: failed!.id },
    );
    expect(redelivered.redeliverWebhook.delivery.messageId).toBe(failed!.messageId);
    const again = (await hook.waitFor(6))[5]!;
    expect(again.headers['webhook-id']).toBe(failed!.messageId);
    const after = await eventually(async () => {
      const current = await webhookState(server, id);
      return current.deliveries.every((delivery) => delivery.status === 'DELIVERED') ? current : undefined;
    });
    expect(after.deliveries.find((delivery) => delivery.id === failed!.id)).toMatchObject({ attempts: 5, lastResponseStatus: 200, lastError: null });

    const missing = await server.ok<any>('mutation { redeliverWebhook(deliveryId: "bm9wZQ") { __typename ... on Error { code } } }');
    expect(missing.redeliverWebhook).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('a redelivery asked for during an attempt of the same message is made after it', async () => {
    const hook = await receiver(() => ({ status: 200, delayMs: 400 }));
    await seedModel(server, 'inflight-model', 1);
    const { id } = await createWebhook(server, hook.url, { model: 'inflight-model' });
    await setStage(server, 'inflight-model', '1', 'STAGING');
    await hook.waitFor(1);
    const [delivery] = (await webhookState(server, id)).deliveries;
    await server.ok('mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename } }', { id: delivery!.id });
    const [first, second] = await hook.waitFor(2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const done = await eventually(async () => {
      const [current] = (await webhookState(server, id)).deliveries;
      return current?.status === 'DELIVERED' && current.attempts === 2 ? current : undefined;
    });
    expect(done.lastError).toBeNull();
  });

  it('a 410 answer fails the message at once and disables the webhook', async () => {
    const hook = await receiver(() => ({ status: 410 }));
    await seedModel(server, 'gone-model', 1);
    const { id } = await createWebhook(server, hook.url, { model: 'gone-model' });
    await setStage(server, 'gone-model', '1', 'STAGING');
    const state = await eventually(async () => {
      const current = await webhookState(server, id);
      return current.active ? undefined : current;
    });
    expect(state.deliveries[0]).toMatchObject({ status: 'FAILED', attempts: 1, lastResponseStatus: 410 });
    expect(hook.received).toHaveLength(1);
  });

  it('a redirect is a failed attempt, never followed; a large answer is cut off', async () => {
    const target = await receiver();
    const hook = await receiver((_received, count) =>
      count === 1 ? { status: 302, headers: { location: target.url } } : { status: 200, body: 'x'.repeat(1024 * 1024) },
    );
    await seedModel(server, 'redirect-model', 1);
    const { id } = await createWebhook(server, hook.url, { model: 'redirect-model' });
    await setStage(server, 'redirect-model', '1', 'STAGING');
    const [delivery] = (await eventually(async () => {
      const state = await webhookState(server, id);
      return state.deliveries[0]?.status === 'DELIVERED' ? state : undefined;
    })).deliveries;
    expect(delivery).toMatchObject({ attempts: 2, lastResponseStatus: 200 });
    expect(target.received).toHaveLength(0);
  });

  it('after a rotation signs with the new and the old secret, the new one first', async () => {
    const hook = await receiver();
    await seedModel(server, 'rotate-model', 1);
    const { id, secret: old } = await createWebhook(server, hook.url, { model: 'rotate-model' });
    const rotated = await server.ok<any>('mutation($id: ID!) { rotateWebhookSecret(id: $id) { __typename ... on RotateWebhookSecretSuccess { secret webhook { id } } } }', { id });
    const fresh = rotated.rotateWebhookSecret.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    await setStage(server, 'rotate-model', '1', 'STAGING');
    const [message] = await hook.waitFor(1);
    const signatures = String(message!.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    const only = (signature: string) => ({ ...message!, headers: { ...message!.headers, 'webhook-signature': signature } });
    expect(verify(fresh, only(signatures[0]!))).toBeTruthy();
    expect(verify(old, only(signatures[1]!))).toBeTruthy();
    expect(() => verify(fresh, only(signatures[1]!))).toThrow();
  });

  it('is ADMIN only, and never returns a secret', async () => {
    const reader = await server.token(['READ']);
    const promoter = await server.token(['PROMOTE']);
    const hook = await receiver();
    const { id, secret } = await createWebhook(server, hook.url);
    for (const token of [reader, promoter]) {
      const listed = await server.gql('{ webhooks { edges { node { id } } } }', {}, token);
      expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const created = await server.gql(CREATE_WEBHOOK, { url: hook.url }, token);
      expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await server.ok<any>(WEBHOOK, { id }, token)).node).toBeNull();
    }
    const everything = JSON.stringify(await server.ok('{ webhooks(first: 100) { edges { node { id url events active description createdAt deliveries { edges { node { payload } } } } } } }'));
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(secret.slice(6));
    const deleted = await server.ok<any>('mutation($id: ID!) { deleteWebhook(id: $id) { __typename ... on DeleteWebhookSuccess { deletedId } } }', { id });
    expect(deleted.deleteWebhook.deletedId).toBe(id);
    const again = await server.ok<any>('mutation($id: ID!) { deleteWebhook(id: $id) { __typename ... on Error { code } } }', { id });
    expect(again.deleteWebhook.__typename).toBe('NotFoundError');
  });

  it('refuses invalid input with a ValidationError and changes nothing', async () => {
    for (const url of ['ftp://127.0.0.1/x', 'not a url', `http://example.invalid/${'x'.repeat(2050)}`]) {
      const created = await server.ok<any>(CREATE_WEBHOOK, { url });
      expect(created.createWebhook).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT', field: 'url' });
    }
    const noEvents = await server.ok<any>(CREATE_WEBHOOK, { url: 'http://127.0.0.1:1/x', events: [] });
    expect(noEvents.createWebhook).toMatchObject({ __typename: 'ValidationError', field: 'events' });
    const unknownModel = await server.ok<any>(CREATE_WEBHOOK, { url: 'http://127.0.0.1:1/x', model: 'no-such-model' });
    expect(unknownModel.createWebhook.__typename).toBe('NotFoundError');
    const rows = await sql<{ count: string }>(server.databaseUrl, "select count(*) from webhook where url like 'http://127.0.0.1:1/%' or url like 'ftp%'");
    expect(rows[0]?.count).toBe('0');
  });
});

describe('the SSRF guard (MODELSTAGE_WEBHOOK_ALLOW_PRIVATE unset)', { timeout: 60_000 }, () => {
  it('refuses loopback and unspecified addresses in every spelling, at creation and again at each attempt', async () => {
    const cluster = await startCluster();
    try {
      const guarded = await cluster.start();
      // Every spelling names this machine: nothing is ever sent anywhere else.
      for (const url of [
        'http://127.0.0.1/hook',
        'http://2130706433/hook',
        'http://0x7f000001/hook',
        'http://0177.0.0.1/hook',
        'http://127.1/hook',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://[::ffff:7f00:1]/hook',
        'http://[0:0:0:0:0:ffff:127.0.0.1]/hook',
        'http://0.0.0.0/hook',
        'http://[::]/hook',
        'http://localhost/hook',
        'https://LOCALHOST./hook',
      ]) {
        const created = await guarded.ok<any>(CREATE_WEBHOOK, { url });
        expect(created.createWebhook, url).toMatchObject({ __typename: 'ValidationError', field: 'url' });
      }
      const updated = await guarded.ok<any>('mutation { updateWebhook(id: "eA", url: "http://127.1/") { __typename ... on Error { code } } }');
      expect(updated.updateWebhook.__typename).toMatch(/ValidationError|NotFoundError/);

      // A webhook registered where private targets were allowed is still checked by an instance
      // where they are not, before it connects: the receiver hears nothing.
      const hook = await startReceiver();
      try {
        const allowing = await startTestServer({ databaseUrl: guarded.databaseUrl, webhooks: { allowPrivate: true, retryDelaysMs: [60_000] } });
        const { id } = await createWebhook(allowing, hook.url);
        await allowing.app.stop();
        await seedModel(guarded, 'ssrf-model', 1);
        await setStage(guarded, 'ssrf-model', '1', 'STAGING');
        const [delivery] = (await eventually(async () => {
          const state = await webhookState(guarded, id);
          return state.deliveries[0]?.attempts === 1 && state.deliveries[0].lastError ? state : undefined;
        })).deliveries;
        expect(delivery!.lastError).toMatch(/loopback, private or link-local/);
        expect(delivery!.status).toBe('PENDING');
        expect(hook.received).toHaveLength(0);
      } finally {
        await hook.close();
      }
    } finally {
      await cluster.close();
    }
  });
});

describe('retention and shutdown', { timeout: 60_000 }, () => {
  it('prunes delivered and failed messages past the retention, never a pending one', async () => {
    const database = await freshDatabase();
    const hook = await startReceiver();
    try {
      const first = await startTestServer({ databaseUrl: database.url, webhooks: { allowPrivate: true } });
      await createWebhook(first, hook.url);
      await seedModel(first, 'prune-model', 3);
      for (const version of ['1', '2', '3']) await setStage(first, 'prune-model', version, 'ARCHIVED');
      await hook.waitFor(3);
      await eventually(async () => ((await sql(database.url, "select 1 from webhook_delivery where status = 'pending'")).length === 0 ? true : undefined));
      await first.app.stop();
      const ids = (await sql<{ id: string }>(database.url, 'select id::text from webhook_delivery order by id')).map((row) => row.id);
      await sql(database.url, "update webhook_delivery set created_at = now() - interval '31 days' where id = any($1)", [ids.slice(0, 2)]);
      await sql(database.url, "update webhook_delivery set status = 'pending', in_line = true, created_at = now() - interval '40 days', next_attempt_at = now() + interval '1 day' where id = $1", [ids[0]]);
      // Pruning runs when an instance starts (and hourly after).
      const second = await startTestServer({ databaseUrl: database.url, webhooks: { retentionMs: 30 * 24 * 60 * 60 * 1000 } });
      try {
        const left = await eventually(async () => {
          const rows = (await sql<{ id: string }>(database.url, 'select id::text from webhook_delivery order by id')).map((row) => row.id);
          return rows.length === 2 ? rows : undefined;
        });
        expect(left).toEqual([ids[0], ids[2]]);
      } finally {
        await second.app.stop();
      }
    } finally {
      await hook.close();
      await database.drop();
    }
  });

  it('on stop, an attempt that does not finish in the grace is handed back, as if not made', async () => {
    const hook = await startReceiver(() => ({ status: 200, delayMs: 20_000 }));
    const server = await startTestServer({ webhooks: FAST });
    try {
      await seedModel(server, 'stop-model', 1);
      const { id } = await createWebhook(server, hook.url);
      await setStage(server, 'stop-model', '1', 'STAGING');
      await hook.waitFor(1);
      const stopping = Date.now();
      await server.app.stop();
      expect(Date.now() - stopping).toBeLessThan(9_000);
      const [row] = await sql<{ status: string; attempts: number; leased_until: Date | null }>(
        server.databaseUrl,
        'select status, attempts, leased_until from webhook_delivery where webhook_id = $1',
        [Buffer.from(id, 'base64url').toString().split(':')[1]],
      );
      expect(row).toEqual({ status: 'pending', attempts: 0, leased_until: null });
    } finally {
      await hook.close();
      await server.stop().catch(() => undefined);
    }
  });
});
