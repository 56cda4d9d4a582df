import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { NestedStageChangedDocument, type NestedStageChangedSubscription } from './generated/graphql.js';
import { subscribe, wsConnection, type Outcome, type Subscriber } from './support/subscribers.js';

/**
 * A subscription lives across many events; each delivered event must read the registry as it is
 * when that event is resolved, through every nested field (loaders included), on every transport.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const NESTED = NestedStageChangedDocument;
type Subscription = Subscriber<NestedStageChangedSubscription>;

interface Seen {
  to: string;
  production: number | null;
  stages: string;
}

function seen(outcome: Outcome | 'timeout'): Seen {
  if (outcome === 'timeout' || outcome.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  const change = (outcome.payload.data as NestedStageChangedSubscription).stageChanged;
  return {
    to: change.to,
    production: change.model.version?.number ?? null,
    stages: change.modelVersion.model.versions.edges.map(({ node }) => `${node.number}:${node.stage}`).join(' '),
  };
}

/**
 * Promotions one after another; after each, every subscriber must report the state that
 * promotion left (its transaction's events are resolved after it committed).
 */
async function promoteAndCheck(model: string, subscribers: Subscription[]): Promise<void> {
  const steps: { version: string; stage: string; force?: boolean; expected: Seen[] }[] = [
    { version: '1', stage: 'PRODUCTION', expected: [{ to: 'PRODUCTION', production: 1, stages: '4:NONE 3:NONE 2:NONE 1:PRODUCTION' }] },
    {
      version: '2',
      stage: 'PRODUCTION',
      force: true,
      expected: [
        { to: 'ARCHIVED', production: 2, stages: '4:NONE 3:NONE 2:PRODUCTION 1:ARCHIVED' },
        { to: 'PRODUCTION', production: 2, stages: '4:NONE 3:NONE 2:PRODUCTION 1:ARCHIVED' },
      ],
    },
    {
      version: '3',
      stage: 'PRODUCTION',
      force: true,
      expected: [
        { to: 'ARCHIVED', production: 3, stages: '4:NONE 3:PRODUCTION 2:ARCHIVED 1:ARCHIVED' },
        { to: 'PRODUCTION', production: 3, stages: '4:NONE 3:PRODUCTION 2:ARCHIVED 1:ARCHIVED' },
      ],
    },
    { version: '4', stage: 'STAGING', expected: [{ to: 'STAGING', production: 3, stages: '4:STAGING 3:PRODUCTION 2:ARCHIVED 1:ARCHIVED' }] },
    { version: '3', stage: 'ARCHIVED', expected: [{ to: 'ARCHIVED', production: null, stages: '4:STAGING 3:ARCHIVED 2:ARCHIVED 1:ARCHIVED' }] },
  ];
  for (const step of steps) {
    expect((await setStage(server, model, step.version, step.stage, step.force)).__typename).toBe('SetStageSuccess');
    for (const subscriber of subscribers) {
      const events: Seen[] = [];
      for (const _ of step.expected) events.push(seen(await subscriber.next()));
      expect(events).toEqual(step.expected);
    }
  }
}

/** Waits until the server has registered the subscription (it answers nothing before the first event). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('each live event reads fresh data', () => {
  it('over graphql-ws', async () => {
    await seedModel(server, 'fresh-ws', 4);
    const subscriber = subscribe('graphql-ws', server.wsUrl, NESTED, { name: 'fresh-ws' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    await settle();
    await promoteAndCheck('fresh-ws', [subscriber]);
    await subscriber.close();
  });

  it('over Server-Sent Events', async () => {
    await seedModel(server, 'fresh-sse', 4);
    const subscriber = subscribe('SSE', server.url, NESTED, { name: 'fresh-sse' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    await subscriber.ready;
    await settle();
    await promoteAndCheck('fresh-sse', [subscriber]);
    await subscriber.close();
  });

  it('for twin subscribers sharing one execution on one socket', async () => {
    await seedModel(server, 'fresh-twins', 4);
    // The earlier tests' sockets may still be closing on the server.
    for (let wait = 0; server.app.multiplexer.groupCount > 0 && wait < 40; wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const twins = twinSubscriptions(server.wsUrl, NESTED, { name: 'fresh-twins' });
    await settle();
    expect(server.app.multiplexer.groupCount).toBe(1);
    await promoteAndCheck('fresh-twins', twins.subscriptions);
    await twins.close();
  });
});

/** Two identical subscriptions over one graphql-ws connection. */
function twinSubscriptions(wsUrl: string, query: typeof NESTED, variables: { name: string }) {
  const connection = wsConnection(wsUrl, `Bearer ${ADMIN_TOKEN}`);
  const subscriptions = [0, 1].map((): Subscription => subscribe('graphql-ws', wsUrl, query, variables, { connection }));
  return { subscriptions, close: () => connection.dispose() as Promise<void> };
}
