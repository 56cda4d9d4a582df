import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { move, rollback } from './support/ledger.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { startTestServer, type TestServer } from './support/server.js';
import { wsSubscribe } from './support/transport.js';

/** Approvals on the ledger's moves (rollback, dry runs, reasons, approvedBy, deletions) and webhooks. */
let server: TestServer;
let receiver: Receiver;
const tokens = {} as Record<'asker' | 'alice' | 'bob', string>;
let unique = 0;
const fresh = (prefix: string) => `${prefix}-${++unique}`;

beforeAll(async () => {
  server = await startTestServer({ webhooks: { allowPrivate: true, retryDelaysMs: [150] } });
  for (const name of ['asker', 'alice', 'bob'] as const) tokens[name] = await server.token(['PROMOTE'], `ledger-${name}`);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.stop();
});

const REQUEST = 'id status force reason approvals requestedBy changes { to actor reason approvedBy forced displaced modelVersion { number } }';
async function protect(name: string, approvals: number, stage = 'PRODUCTION') {
  const set = await server.ok<any>('mutation($m: String!, $s: ModelStage!, $n: Int!) { setStagePolicy(model: $m, stage: $s, requiredApprovals: $n) { __typename } }', { m: name, s: stage, n: approvals });
  expect(set.setStagePolicy.__typename).toBe('SetStagePolicySuccess');
}
async function approve(token: string, id: string) {
  return (await server.ok<any>(`mutation($id: ID!) { approvePromotion(id: $id) { __typename ... on ReviewPromotionSuccess { request { ${REQUEST} } } ... on Error { code } } }`, { id }, token)).approvePromotion;
}
const requestOf = async (id: string) => (await server.ok<any>(`query($id: ID!) { node(id: $id) { ... on PromotionRequest { ${REQUEST} } } }`, { id })).node;
const keys = async () => (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from idempotency_key'))[0]!.n;
const logSize = async () => (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from stage_change'))[0]!.n;

describe('approvals on the ledger', () => {
  it('the applying approval records the approvers, the requester and the reason on every change, and both webhook events go out', async () => {
    const name = await seedModel(server, fresh('ledger'), 2);
    expect((await setStage(server, name, '1', 'PRODUCTION')).__typename).toBe('SetStageSuccess');
    await protect(name, 2);
    const hook = await server.ok<any>('mutation($url: String!, $m: String) { createWebhook(url: $url, model: $m, events: [STAGE_CHANGED, PROMOTION_REQUEST_UPDATED]) { __typename } }', { url: receiver.url, m: name });
    expect(hook.createWebhook.__typename).toBe('CreateWebhookSuccess');

    const opened = await move(server, { name, version: '2', stage: 'PRODUCTION', force: true, reason: 'better recall', idempotencyKey: 'k-1' }, tokens.asker);
    expect(opened).toMatchObject({ __typename: 'ApprovalRequiredError', code: 'APPROVAL_REQUIRED' });
    // Nothing committed a change, so the key stays unused.
    expect(await keys()).toBe(0);
    const [request] = (await server.ok<any>('query($m: String) { promotionRequests(model: $m) { edges { node { id } } } }', { m: name })).promotionRequests.edges.map((edge: any) => edge.node.id);
    await approve(tokens.alice, request);
    expect((await approve(tokens.alice, request)).__typename).toBe('ReviewRefusedError');
    const applied = await approve(tokens.bob, request);
    expect(applied.request).toMatchObject({ status: 'APPLIED', force: true, reason: 'better recall', approvals: 2 });
    const approvedBy = ['ledger-alice', 'ledger-bob'];
    expect(applied.request.changes).toEqual([
      { to: 'ARCHIVED', actor: 'ledger-asker', reason: 'better recall', approvedBy, forced: true, displaced: true, modelVersion: { number: 1 } },
      { to: 'PRODUCTION', actor: 'ledger-asker', reason: 'better recall', approvedBy, forced: true, displaced: false, modelVersion: { number: 2 } },
    ]);

    const messages = await receiver.waitFor(5);
    const requestMessages = messages.filter((m) => m.message.type === 'promotion_request.updated').map((m) => m.message.data);
    expect(requestMessages).toEqual([
      { id: request, model: name, version: '2', number: 2, stage: 'PRODUCTION', force: true, status: 'PENDING', requestedBy: 'ledger-asker', approvals: 0, requiredApprovals: 2 },
      expect.objectContaining({ status: 'PENDING', approvals: 1 }),
      expect.objectContaining({ status: 'APPLIED', approvals: 2 }),
    ]);
    const stageMessages = messages.filter((m) => m.message.type === 'stage.changed').map((m) => m.message.data);
    expect(stageMessages.map((data) => [data.to, data.actor, data.approvedBy, data.reason])).toEqual([
      ['ARCHIVED', 'ledger-asker', approvedBy, 'better recall'],
      ['PRODUCTION', 'ledger-asker', approvedBy, 'better recall'],
    ]);
    // The refused review made no message.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(5);
  });

  it('rollbackStage into a protected stage opens a forced request; its approval puts the previous holder back', async () => {
    const name = await seedModel(server, fresh('ledger'), 2);
    await setStage(server, name, '1', 'PRODUCTION');
    await setStage(server, name, '2', 'PRODUCTION', true);
    await protect(name, 1);
    const before = await logSize();
    const opened = (await server.ok<any>(`mutation($n: String!) { rollbackStage(name: $n, stage: PRODUCTION) { __typename ... on ApprovalRequiredError { request { ${REQUEST} } } } }`, { n: name }, tokens.asker)).rollbackStage;
    expect(opened.request).toMatchObject({ status: 'PENDING', force: true, requestedBy: 'ledger-asker' });
    expect(await logSize()).toBe(before);
    const applied = await approve(tokens.alice, opened.request.id);
    expect(applied.request.changes.map((change: any) => [change.modelVersion.number, change.to])).toEqual([
      [2, 'ARCHIVED'],
      [1, 'PRODUCTION'],
    ]);
  });

  it('a dry run changes nothing: the preview while no request is open, then the open request', async () => {
    const name = await seedModel(server, fresh('ledger'), 1);
    await protect(name, 1);
    const counts = async () => (await sql(server.databaseUrl, 'select (select count(*) from promotion_request) as requests, (select count(*) from promotion_request_event) as events'))[0];
    const before = await counts();
    expect(await move(server, { name, version: '1', stage: 'PRODUCTION', dryRun: true }, tokens.asker)).toMatchObject({ __typename: 'SetStagePreview', from: 'NONE', to: 'PRODUCTION', noop: false });
    expect(await counts()).toEqual(before);
    const opened = await move(server, { name, version: '1', stage: 'PRODUCTION' }, tokens.asker);
    expect(opened.__typename).toBe('ApprovalRequiredError');
    const during = await counts();
    expect(await move(server, { name, version: '1', stage: 'PRODUCTION', dryRun: true }, tokens.asker)).toMatchObject({ __typename: 'ApprovalRequiredError' });
    expect(await counts()).toEqual(during);
  });

  it('deleting a version, or its model, ends its open requests as CANCELLED, announced', async () => {
    const name = await seedModel(server, fresh('ledger'), 2);
    await protect(name, 1);
    const subscription = wsSubscribe(server.wsUrl, 'subscription($n: String) { promotionRequestChanged(name: $n) { id status } }', { n: name }, `Bearer ${tokens.bob}`);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const version of ['1', '2']) expect((await move(server, { name, version, stage: 'PRODUCTION' }, tokens.asker)).__typename).toBe('ApprovalRequiredError');
      const [one, two] = (await server.ok<any>('query($m: String) { promotionRequests(model: $m, status: PENDING) { edges { node { id } } } }', { m: name })).promotionRequests.edges.map((e: any) => e.node.id).reverse();
      for (let i = 0; i < 2; i += 1) expect(await subscription.next(3_000)).toMatchObject({ kind: 'event', payload: { data: { promotionRequestChanged: { status: 'PENDING' } } } });

      expect((await server.ok<any>('mutation($m: String!) { deleteModelVersion(model: $m, version: "1") { __typename } }', { m: name })).deleteModelVersion.__typename).toBe('DeleteModelVersionSuccess');
      expect(await subscription.next(3_000)).toMatchObject({ kind: 'event', payload: { data: { promotionRequestChanged: { id: one, status: 'CANCELLED' } } } });
      expect((await approve(tokens.alice, one)).__typename).toBe('ReviewRefusedError');

      expect((await server.ok<any>('mutation($m: String!) { deleteModel(name: $m) { __typename } }', { m: name })).deleteModel.__typename).toBe('DeleteModelSuccess');
      expect(await subscription.next(3_000)).toMatchObject({ kind: 'event', payload: { data: { promotionRequestChanged: { id: two, status: 'CANCELLED' } } } });
      expect((await requestOf(two)).status).toBe('CANCELLED');
    } finally {
      await subscription.close();
    }
  });

  it('limited tokens are held to their models on rollbackStage and setStagePolicy too', async () => {
    const name = await seedModel(server, fresh('ledger'), 2);
    await setStage(server, name, '1', 'PRODUCTION');
    await setStage(server, name, '2', 'PRODUCTION', true);
    const limited = await server.token(['ADMIN'], fresh('limited'), ['someone-else-*']);
    const before = await logSize();
    const refused = await server.gql('mutation($n: String!) { rollbackStage(name: $n, stage: PRODUCTION) { __typename } }', { n: name }, limited);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const policy = await server.gql('mutation($n: String!) { setStagePolicy(model: $n, stage: PRODUCTION, requiredApprovals: 1) { __typename } }', { n: name }, limited);
    expect(policy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await logSize()).toBe(before);
    expect((await rollback(server, { name, stage: 'PRODUCTION' })).__typename).toBe('SetStageSuccess');
  });
});
