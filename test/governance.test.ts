import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage, stagesOf } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openDigest, sseSubscribe, wsSubscribe } from './support/transport.js';

let server: TestServer;
let digest: Awaited<ReturnType<typeof openDigest>>;
/** Tokens by role: `asker` asks, `alice` `bob` and `carol` review, `writer` has WRITE only. */
const tokens = {} as Record<'asker' | 'alice' | 'bob' | 'carol' | 'writer' | 'outsider', string>;
let unique = 0;
const fresh = (prefix: string) => `${prefix}-${++unique}`;

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['asker', 'alice', 'bob', 'carol'] as const) tokens[name] = await server.token(['PROMOTE'], name);
  tokens.writer = await server.token(['WRITE'], 'writer');
  tokens.outsider = await server.token(['PROMOTE'], 'outsider', ['other-team-*']);
  digest = await openDigest(server.databaseUrl);
});
afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

const REQUEST_FIELDS = 'id status stage force reason requestedBy requiredApprovals approvals reviews { actor approved comment } changes { to actor forced } modelVersion { number stage } model { name }';
const POLICY = `mutation($model: String!, $stage: ModelStage!, $n: Int!) {
  setStagePolicy(model: $model, stage: $stage, requiredApprovals: $n) {
    __typename ... on SetStagePolicySuccess { model { stagePolicies { stage requiredApprovals } } } ... on Error { code } ... on ValidationError { field }
  }
}`;
const REQUEST = `mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $reason: String) {
  requestPromotion(name: $name, version: $version, stage: $stage, force: $force, reason: $reason) {
    __typename ... on RequestPromotionSuccess { request { ${REQUEST_FIELDS} } } ... on Error { code message } ... on StageConflictError { holder { number } }
  }
}`;
const REVIEW = (field: 'approvePromotion' | 'rejectPromotion') => `mutation($id: ID!, $comment: String) {
  review: ${field}(id: $id, comment: $comment) {
    __typename ... on ReviewPromotionSuccess { request { ${REQUEST_FIELDS} } } ... on Error { code message } ... on StageConflictError { holder { number } }
  }
}`;
const CANCEL = `mutation($id: ID!) { review: cancelPromotion(id: $id) { __typename ... on ReviewPromotionSuccess { request { ${REQUEST_FIELDS} } } ... on Error { code } } }`;
const SET_STAGE_APPROVAL = `mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
  setStage(name: $name, version: $version, stage: $stage, force: $force) {
    __typename ... on ApprovalRequiredError { code request { ${REQUEST_FIELDS} } } ... on Error { code }
  }
}`;

async function policy(model: string, stage: string, n: number) {
  return (await server.ok<any>(POLICY, { model, stage, n })).setStagePolicy;
}
async function ask(token: string, name: string, version: string, stage = 'PRODUCTION', extra: Record<string, unknown> = {}) {
  return (await server.ok<any>(REQUEST, { name, version, stage, ...extra }, token)).requestPromotion;
}
async function review(token: string, id: string, approve = true, comment?: string) {
  return (await server.ok<any>(REVIEW(approve ? 'approvePromotion' : 'rejectPromotion'), { id, comment }, token)).review;
}
/** A model with `versions` versions whose PRODUCTION needs `approvals`. */
async function protectedModel(versions = 2, approvals = 2): Promise<string> {
  const name = await seedModel(server, fresh('gov'), versions);
  expect((await policy(name, 'PRODUCTION', approvals)).__typename).toBe('SetStagePolicySuccess');
  return name;
}
async function logOf(name: string) {
  return (await server.ok<any>('query($name: String) { stageChanges(model: $name) { edges { node { to actor modelVersion { number } } } } }', { name })).stageChanges.edges.map(
    (edge: any) => edge.node,
  );
}

describe('setStagePolicy', () => {
  it('sets, shows and removes (0) a rule per stage', async () => {
    const name = await seedModel(server, fresh('policy'));
    expect(await policy(name, 'PRODUCTION', 2)).toEqual({ __typename: 'SetStagePolicySuccess', model: { stagePolicies: [{ stage: 'PRODUCTION', requiredApprovals: 2 }] } });
    expect((await policy(name, 'STAGING', 1)).model.stagePolicies).toEqual([
      { stage: 'STAGING', requiredApprovals: 1 },
      { stage: 'PRODUCTION', requiredApprovals: 2 },
    ]);
    expect((await policy(name, 'PRODUCTION', 10)).model.stagePolicies).toContainEqual({ stage: 'PRODUCTION', requiredApprovals: 10 });
    expect((await policy(name, 'PRODUCTION', 0)).model.stagePolicies).toEqual([{ stage: 'STAGING', requiredApprovals: 1 }]);
  });

  it.each([
    ['ARCHIVED', 1, 'INVALID_STAGE', 'stage'],
    ['NONE', 1, 'INVALID_STAGE', 'stage'],
    ['LATEST', 1, 'INVALID_STAGE', 'stage'],
    ['PRODUCTION', 11, 'INVALID_INPUT', 'requiredApprovals'],
    ['PRODUCTION', -1, 'INVALID_INPUT', 'requiredApprovals'],
  ])('refuses %s with %i (%s), changing nothing', async (stage, n, code, field) => {
    const name = await seedModel(server, fresh('policy'));
    const before = await digest.digest();
    expect(await policy(name, stage, n)).toEqual({ __typename: 'ValidationError', code, field });
    expect(await digest.digest()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown model, and needs ADMIN', async () => {
    expect(await policy('no-such-model', 'PRODUCTION', 1)).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const name = await seedModel(server, fresh('policy'));
    const refused = await server.gql(POLICY, { model: name, stage: 'PRODUCTION', n: 1 }, tokens.alice);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a protected stage', () => {
  it('setStage opens a request instead of moving, and answers the same open request again', async () => {
    const name = await protectedModel();
    const before = await stagesOf(server, name);
    const first = (await server.ok<any>(SET_STAGE_APPROVAL, { name, version: '1', stage: 'PRODUCTION' }, tokens.asker)).setStage;
    expect(first).toMatchObject({
      __typename: 'ApprovalRequiredError',
      code: 'APPROVAL_REQUIRED',
      request: { status: 'PENDING', stage: 'PRODUCTION', force: false, requestedBy: 'asker', requiredApprovals: 2, approvals: 0, reviews: [], changes: [] },
    });
    const again = (await server.ok<any>(SET_STAGE_APPROVAL, { name, version: '1', stage: 'PRODUCTION' }, tokens.alice)).setStage;
    expect(again.request.id).toBe(first.request.id);
    expect(again.request.requestedBy).toBe('asker');
    // Another force is another request.
    const forced = (await server.ok<any>(SET_STAGE_APPROVAL, { name, version: '1', stage: 'PRODUCTION', force: true }, tokens.asker)).setStage;
    expect(forced.request.id).not.toBe(first.request.id);
    expect(await stagesOf(server, name)).toEqual(before);
    expect(await logOf(name)).toEqual([]);
  });

  it('leaves other stages and a no-op alone', async () => {
    const name = await protectedModel();
    expect((await setStage(server, name, '1', 'STAGING')).__typename).toBe('SetStageSuccess');
    expect((await setStage(server, name, '1', 'ARCHIVED')).__typename).toBe('SetStageSuccess');
  });

  it('requestPromotion: INVALID_STAGE without a policy, STAGE_CONFLICT at once when held without force, NOT_FOUND for a missing version', async () => {
    const name = await protectedModel(2, 1);
    expect(await ask(tokens.asker, name, '1', 'STAGING')).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_STAGE' });
    expect(await ask(tokens.asker, name, '9')).toMatchObject({ __typename: 'NotFoundError' });
    await policy(name, 'PRODUCTION', 0);
    expect((await setStage(server, name, '2', 'PRODUCTION')).__typename).toBe('SetStageSuccess');
    await policy(name, 'PRODUCTION', 1);
    const before = await digest.digest();
    expect(await ask(tokens.asker, name, '1')).toMatchObject({ __typename: 'StageConflictError', code: 'STAGE_CONFLICT', holder: { number: 2 } });
    expect(await digest.digest()).toEqual(before);
    expect(await ask(tokens.asker, name, '1', 'PRODUCTION', { force: true, reason: 'hotfix' })).toMatchObject({
      __typename: 'RequestPromotionSuccess',
      request: { status: 'PENDING', force: true, reason: 'hotfix' },
    });
  });

  it('needs the scopes setStage would need', async () => {
    const name = await protectedModel();
    const refused = await server.gql(REQUEST, { name, version: '1', stage: 'PRODUCTION' }, tokens.writer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reviews', () => {
  it('apply the move with the approval that reaches the number, as the requester, listing the approvers', async () => {
    const name = await protectedModel();
    const { request } = await ask(tokens.asker, name, '2', 'PRODUCTION', { reason: 'better recall' });
    expect(await review(tokens.asker, request.id)).toMatchObject({ __typename: 'ReviewRefusedError', code: 'REVIEW_REFUSED' });
    const one = await review(tokens.alice, request.id, true, 'looks good');
    expect(one.request).toMatchObject({ status: 'PENDING', approvals: 1, reviews: [{ actor: 'alice', approved: true, comment: 'looks good' }] });
    expect(await review(tokens.alice, request.id)).toMatchObject({ __typename: 'ReviewRefusedError' });
    expect(await stagesOf(server, name)).toEqual({ 1: 'NONE', 2: 'NONE' });
    const two = await review(tokens.bob, request.id);
    expect(two.request).toMatchObject({
      status: 'APPLIED',
      approvals: 2,
      modelVersion: { number: 2, stage: 'PRODUCTION' },
      changes: [{ to: 'PRODUCTION', actor: 'asker', forced: false }],
    });
    expect(await logOf(name)).toEqual([{ to: 'PRODUCTION', actor: 'asker', modelVersion: { number: 2 } }]);
    expect(await review(tokens.carol, request.id)).toMatchObject({ __typename: 'ReviewRefusedError' });
    expect(await review(tokens.carol, request.id, false)).toMatchObject({ __typename: 'ReviewRefusedError' });
  });

  it('a rejection ends it; only the requester cancels', async () => {
    const name = await protectedModel();
    const rejected = await ask(tokens.asker, name, '1');
    expect((await review(tokens.alice, rejected.request.id, false, 'no')).request).toMatchObject({ status: 'REJECTED', reviews: [{ actor: 'alice', approved: false, comment: 'no' }] });
    expect((await server.ok<any>(CANCEL, { id: rejected.request.id }, tokens.asker)).review).toMatchObject({ __typename: 'ReviewRefusedError' });

    const cancelled = await ask(tokens.asker, name, '1');
    expect(cancelled.request.id).not.toBe(rejected.request.id);
    expect((await server.ok<any>(CANCEL, { id: cancelled.request.id }, tokens.alice)).review).toMatchObject({ __typename: 'ReviewRefusedError' });
    expect((await server.ok<any>(CANCEL, { id: cancelled.request.id }, tokens.asker)).review.request).toMatchObject({ status: 'CANCELLED' });
    expect(await review(tokens.alice, cancelled.request.id)).toMatchObject({ __typename: 'ReviewRefusedError' });
    expect(await stagesOf(server, name)).toEqual({ 1: 'NONE', 2: 'NONE' });
  });

  it('need PROMOTE on the model: a WRITE token and a token limited to other models are FORBIDDEN, changing nothing', async () => {
    const name = await protectedModel();
    const { request } = await ask(tokens.asker, name, '1');
    for (const token of [tokens.writer, tokens.outsider]) {
      const before = await digest.digest();
      const refused = await server.gql(REVIEW('approvePromotion'), { id: request.id }, token);
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await digest.digest()).toEqual(before);
    }
    expect((await server.gql(CANCEL, { id: request.id }, tokens.outsider)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an unknown id is NOT_FOUND', async () => {
    expect(await review(tokens.alice, 'bm9wZQ')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await review(tokens.alice, Buffer.from('PromotionRequest:999999').toString('base64url'))).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('a move refused when the last approval comes answers the conflict, records nothing and leaves the request PENDING', async () => {
    const name = await protectedModel(2, 1);
    const { request } = await ask(tokens.asker, name, '1');
    // Meanwhile version 2 reaches PRODUCTION another way (the rule lifted for a moment).
    await policy(name, 'PRODUCTION', 0);
    expect((await setStage(server, name, '2', 'PRODUCTION')).__typename).toBe('SetStageSuccess');
    await policy(name, 'PRODUCTION', 1);
    const before = await digest.digest();
    expect(await review(tokens.alice, request.id)).toMatchObject({ __typename: 'StageConflictError', code: 'STAGE_CONFLICT', holder: { number: 2 } });
    expect(await digest.digest()).toEqual(before);
    const after = await server.ok<any>('query($name: String) { promotionRequests(model: $name) { edges { node { status reviews { actor } } } } }', { name });
    expect(after.promotionRequests.edges).toEqual([{ node: { status: 'PENDING', reviews: [] } }]);
  });

  it('two final approvals at once apply the move once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const name = await protectedModel(1, 1);
      const { request } = await ask(tokens.asker, name, '1');
      const outcomes = await Promise.all([review(tokens.alice, request.id), review(tokens.bob, request.id), review(tokens.carol, request.id)]);
      const kinds = outcomes.map((outcome) => outcome.__typename).sort();
      expect(kinds).toEqual(['ReviewPromotionSuccess', 'ReviewRefusedError', 'ReviewRefusedError']);
      expect(outcomes.find((outcome) => outcome.request)!.request).toMatchObject({ status: 'APPLIED', approvals: 1 });
      expect(await logOf(name)).toHaveLength(1);
    }
  });
});

describe('promotionRequests', () => {
  it('lists newest first, by model and status, in pages', async () => {
    const name = await protectedModel(3, 1);
    const ids = [];
    for (const version of ['1', '2', '3']) ids.push((await ask(tokens.asker, name, version)).request.id);
    await server.ok(CANCEL, { id: ids[0] }, tokens.asker);
    const LIST = 'query($name: String, $status: PromotionRequestStatus, $after: String) { promotionRequests(model: $name, status: $status, first: 2, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }';
    const page1 = (await server.ok<any>(LIST, { name })).promotionRequests;
    expect(page1.edges.map((edge: any) => edge.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server.ok<any>(LIST, { name, after: page1.pageInfo.endCursor })).promotionRequests;
    expect(page2.edges).toEqual([{ node: { id: ids[0], status: 'CANCELLED' } }]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const pending = (await server.ok<any>(LIST, { name, status: 'PENDING' })).promotionRequests;
    expect(pending.edges.map((edge: any) => edge.node.id)).toEqual([ids[2], ids[1]]);
    const node = await server.ok<any>('query($id: ID!) { node(id: $id) { ... on PromotionRequest { id status } } }', { id: ids[1] });
    expect(node.node).toEqual({ id: ids[1], status: 'PENDING' });
  });
});

describe('promotionRequestChanged', () => {
  const SUBSCRIPTION = 'subscription($name: String) { promotionRequestChanged(name: $name) { id status approvals model { name } } }';

  it('announces every change once it commits, and nothing for a refused review', async () => {
    const name = await protectedModel(2, 2);
    const other = await protectedModel(1, 1);
    const subscription = wsSubscribe(server.wsUrl, SUBSCRIPTION, { name }, `Bearer ${tokens.carol}`);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await ask(tokens.asker, other, '1'); // another model's: filtered out
      const { request } = await ask(tokens.asker, name, '1');
      const event = async () => {
        const outcome = await subscription.next(3_000);
        expect(outcome).toMatchObject({ kind: 'event' });
        const changed = (outcome as { payload: { data: { promotionRequestChanged: any } } }).payload.data.promotionRequestChanged;
        // Announced after commit: what the event says is what a read now finds.
        const read = await server.ok<any>('query($id: ID!) { node(id: $id) { ... on PromotionRequest { status approvals } } }', { id: changed.id });
        expect(read.node).toEqual({ status: changed.status, approvals: changed.approvals });
        return changed;
      };
      expect(await event()).toEqual({ id: request.id, status: 'PENDING', approvals: 0, model: { name } });
      await review(tokens.alice, request.id);
      expect(await event()).toMatchObject({ status: 'PENDING', approvals: 1 });
      expect(await review(tokens.alice, request.id)).toMatchObject({ __typename: 'ReviewRefusedError' });
      expect(await review(tokens.asker, request.id)).toMatchObject({ __typename: 'ReviewRefusedError' });
      await review(tokens.bob, request.id);
      expect(await event()).toMatchObject({ status: 'APPLIED', approvals: 2 });
      expect(await subscription.next(500)).toBe('timeout');
    } finally {
      await subscription.close();
    }
  });

  it('reaches subscribers on another instance, over SSE too, and ends when the token is revoked', async () => {
    const other = await startTestServer({ databaseUrl: server.databaseUrl });
    const reader = await server.token(['READ'], fresh('reader'));
    const name = await protectedModel(1, 1);
    const streams = [wsSubscribe(other.wsUrl, SUBSCRIPTION, { name }, `Bearer ${reader}`), sseSubscribe(other.url, SUBSCRIPTION, { name }, `Bearer ${reader}`)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { request } = await ask(tokens.asker, name, '1');
      for (const stream of streams) {
        expect(await stream.next(3_000)).toMatchObject({ kind: 'event', payload: { data: { promotionRequestChanged: { id: request.id, status: 'PENDING' } } } });
      }
      const listed = await server.ok<any>('{ apiTokens { id name } }');
      const id = listed.apiTokens.find((token: any) => token.name.startsWith('reader-')).id;
      await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id });
      for (const stream of streams) expect(await stream.next(3_000)).toMatchObject({ kind: 'error', payload: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
      await other.app.stop();
    }
  });
});
