import { describe, expect, it } from 'vitest';
import { requestOf } from '../src/dashboard/api.js';
import {
  applyRequestChanged,
  describeRequest,
  describeRequestChange,
  mayChangeModel,
  policyBadges,
  reviewRight,
  type RequestView,
  type Reviewer,
} from '../src/dashboard/state/approvals.js';
import { dashboardReducer, initialDashboard } from '../src/dashboard/state/models.js';
import { describeOutcome, interpretSetStage } from '../src/dashboard/state/promote.js';
import { modelView } from './support/dashboard-views.js';

const request = (extra: Partial<RequestView> = {}): RequestView => ({
  id: 'r1',
  version: '3',
  number: 3,
  stage: 'PRODUCTION',
  force: false,
  reason: null,
  requestedBy: 'ci',
  status: 'PENDING',
  requiredApprovals: 2,
  reviews: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const reviewer = (extra: Partial<Reviewer> = {}): Reviewer => ({ name: 'alice', scopes: ['PROMOTE'], models: null, ...extra });
const approval = (actor: string) => ({ actor, approved: true, comment: null, at: '2026-01-01T00:01:00.000Z' });

describe('policies', () => {
  it('badges each stage that needs approvals', () => {
    expect(policyBadges([{ stage: 'STAGING', requiredApprovals: 1 }, { stage: 'PRODUCTION', requiredApprovals: 2 }])).toEqual(['production: 2 approvals', 'staging: 1 approval']);
    expect(policyBadges([{ stage: 'STAGING', requiredApprovals: 0 }])).toEqual([]);
  });
});

describe('who may review', () => {
  it('a PROMOTE token other than the requester, once, while PENDING', () => {
    expect(reviewRight(reviewer(), 'fraud', request())).toEqual({ may: true });
    expect(reviewRight(reviewer({ name: 'ci' }), 'fraud', request())).toEqual({ may: false, why: 'You asked for it: another token must review it.' });
    expect(reviewRight(reviewer({ scopes: ['WRITE'] }), 'fraud', request())).toEqual({ may: false, why: 'Reviewing needs the PROMOTE scope.' });
    expect(reviewRight(reviewer({ scopes: ['ADMIN'] }), 'fraud', request())).toEqual({ may: true });
    expect(reviewRight(reviewer(), 'fraud', request({ reviews: [approval('alice')] }))).toEqual({ may: false, why: 'You approved it.' });
    expect(reviewRight(reviewer(), 'fraud', request({ status: 'APPLIED' }))).toEqual({ may: false, why: 'It is applied.' });
  });

  it('only on models the token may change, by name or * pattern, with nothing else special', () => {
    expect(reviewRight(reviewer({ models: ['ranker'] }), 'fraud', request())).toEqual({ may: false, why: 'This token may not change fraud.' });
    expect(mayChangeModel(null, 'anything')).toBe(true);
    expect(mayChangeModel(['fraud-*'], 'fraud-detector')).toBe(true);
    expect(mayChangeModel(['*-detector'], 'fraud-detector')).toBe(true);
    expect(mayChangeModel(['fraud-*'], 'churn')).toBe(false);
    expect(mayChangeModel(['fraud_detector'], 'fraudXdetector')).toBe(false);
    expect(mayChangeModel(['fraud%'], 'fraud-detector')).toBe(false);
    expect(mayChangeModel(['a.c'], 'abc')).toBe(false);
    expect(mayChangeModel([], 'fraud')).toBe(false);
  });
});

describe('open requests, live', () => {
  it('adds and updates pending requests, newest first, and drops decided ones', () => {
    const older = request({ id: 'r0', createdAt: '2025-12-31T00:00:00.000Z' });
    let open = applyRequestChanged([older], request());
    expect(open.map((r) => r.id)).toEqual(['r1', 'r0']);
    open = applyRequestChanged(open, request({ reviews: [approval('alice')] }));
    expect(open[0]!.reviews).toHaveLength(1);
    expect(applyRequestChanged(open, request({ status: 'APPLIED' })).map((r) => r.id)).toEqual(['r0']);
  });

  it('describes a request and each change of it', () => {
    expect(describeRequest(request({ force: true, reviews: [approval('alice')] }))).toBe('3 to PRODUCTION (forced), asked by ci: 1 of 2 approvals');
    expect(describeRequestChange('fraud', request())).toBe('fraud version 3 to PRODUCTION: requested by ci, needs 2 approvals');
    expect(describeRequestChange('fraud', request({ reviews: [approval('alice')] }))).toBe('fraud version 3 to PRODUCTION: approved by alice (1 of 2)');
    expect(describeRequestChange('fraud', request({ status: 'APPLIED' }))).toBe('fraud version 3 to PRODUCTION: approved and applied');
    expect(describeRequestChange('fraud', request({ status: 'REJECTED', reviews: [{ ...approval('bob'), approved: false }] }))).toBe('fraud version 3 to PRODUCTION: rejected by bob');
  });

  it('keeps a card\'s requests from the event, and announces changes of other models too', () => {
    let state = dashboardReducer(initialDashboard, { type: 'loaded', seq: 1, name: 'fraud', model: modelView([]) });
    state = dashboardReducer(state, { type: 'requestChanged', model: 'fraud', request: request() });
    expect(state.models.fraud?.requests.map((r) => r.id)).toEqual(['r1']);
    state = dashboardReducer(state, { type: 'requestChanged', model: 'ranker', request: request({ id: 'r9' }) });
    expect(state.announcement).toBe('ranker version 3 to PRODUCTION: requested by ci, needs 2 approvals');
    expect(Object.keys(state.models)).toEqual(['fraud']);
  });

  it('flattens the API\'s request', () => {
    const { version: _v, number: _n, ...rest } = request();
    expect(requestOf({ ...rest, modelVersion: { name: '3', number: 3 } })).toEqual(request());
  });
});

describe('a move into a protected stage', () => {
  it('says a request is open instead, and how many approvals it has', () => {
    const outcome = interpretSetStage({ __typename: 'ApprovalRequiredError', message: 'needs approvals', code: 'APPROVAL_REQUIRED', request: { stage: 'PRODUCTION', requiredApprovals: 2, reviews: [{ approved: true }, { approved: false }] } });
    expect(outcome).toEqual({ kind: 'approval', stage: 'PRODUCTION', requiredApprovals: 2, approvals: 1 });
    expect(describeOutcome(outcome)).toBe('PRODUCTION needs 2 approvals: a promotion request is open (1 of 2). Nothing moves until it is approved.');
  });
});
