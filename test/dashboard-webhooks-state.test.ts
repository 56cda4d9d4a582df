import { describe, expect, it } from 'vitest';
import { applyVersionCreated, dashboardReducer, initialDashboard } from '../src/dashboard/state/models.js';
import { mayManageWebhooks } from '../src/dashboard/state/permissions.js';
import { actionError, describeDelivery, describeWebhook, type DeliveryView, type WebhookView } from '../src/dashboard/state/webhooks.js';
import type { VersionView } from '../src/dashboard/state/types.js';
import { modelView, version } from './support/dashboard-views.js';

const model = (versions: VersionView[]) => modelView(versions, { latest: versions[0] ?? null, production: null, staging: null });

const delivery = (extra: Partial<DeliveryView>): DeliveryView => ({
  id: 'd1',
  event: 'STAGE_CHANGED',
  messageId: 'msg_1',
  status: 'PENDING',
  attempts: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastAttemptAt: null,
  lastResponseStatus: null,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: null,
  ...extra,
});

describe('versionCreated', () => {
  it('makes the new version LATEST and lists it first, once', () => {
    const next = applyVersionCreated(model([version(2, 'STAGING'), version(1)]), version(3));
    expect(next.latest?.number).toBe(3);
    expect(next.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(applyVersionCreated(next, version(3))).toBe(next);
    // An event that arrives after a refetch already brought newer versions leaves LATEST alone.
    expect(applyVersionCreated(model([version(5)]), version(4)).latest?.number).toBe(5);
  });

  it('announces new versions, also of models not on the page', () => {
    let state = dashboardReducer(initialDashboard, { type: 'loaded', seq: 1, name: 'fraud', model: model([version(1)]) });
    state = dashboardReducer(state, { type: 'versionCreated', model: 'fraud', version: version(2) });
    expect(state.models.fraud?.latest?.number).toBe(2);
    expect(state.announcement).toBe('fraud version 2 created');
    const other = dashboardReducer(state, { type: 'versionCreated', model: 'ranker', version: version(1) });
    expect(Object.keys(other.models)).toEqual(['fraud']);
    expect(other.announcement).toBe('ranker version 1 created');
  });
});

describe('webhooks page', () => {
  it('is for ADMIN tokens only', () => {
    expect(mayManageWebhooks(['ADMIN'])).toBe(true);
    expect(mayManageWebhooks(['READ', 'WRITE', 'PROMOTE'])).toBe(false);
  });

  it('says where each delivery stands and why its last attempt failed', () => {
    expect(describeDelivery(delivery({}))).toBe('Waiting for its first attempt.');
    expect(describeDelivery(delivery({ attempts: 2, lastResponseStatus: 503, lastError: 'HTTP 503' }))).toBe('Retrying after 2 attempts (last: HTTP 503).');
    expect(describeDelivery(delivery({ status: 'FAILED', attempts: 9, lastError: 'connection refused' }))).toBe('Failed after 9 attempts: connection refused.');
    expect(describeDelivery(delivery({ status: 'FAILED', attempts: 1, lastResponseStatus: 410 }))).toBe('Failed after 1 attempt: HTTP 410.');
    expect(describeDelivery(delivery({ status: 'DELIVERED', attempts: 1, lastResponseStatus: 200 }))).toBe('Delivered after 1 attempt (HTTP 200).');
  });

  it('sums up a webhook, disabled or not', () => {
    const webhook: WebhookView = { id: 'w', url: 'https://example.test/hook', events: ['STAGE_CHANGED'], description: null, active: false, createdAt: '', model: null, deliveries: [delivery({ status: 'FAILED' }), delivery({}), delivery({ status: 'DELIVERED' })] };
    expect(describeWebhook(webhook)).toBe('Disabled: nothing is sent until it is enabled · 1 failed · 1 waiting');
    expect(describeWebhook({ ...webhook, active: true, deliveries: [] })).toBe('Active');
  });

  it('reads the answers of its buttons', () => {
    expect(actionError({ __typename: 'UpdateWebhookSuccess' })).toBeNull();
    expect(actionError({ __typename: 'NotFoundError', message: 'no webhook' })).toBe('no webhook');
  });
});
