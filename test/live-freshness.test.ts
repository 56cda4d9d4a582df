import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { sseSubscribe, wsSubscribe, type Outcome, type Subscription } from './support/transport.js';

/**
 * A subscription lives across many events; each delivered event must read the registry as it is
 * when that event is resolved, through every nested field (loaders included), on every transport.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const NESTED = `subscription($name: String) { stageChanged(name: $name) {
  to
  model { version(stage: PRODUCTION) { number } }
  modelVersion { number model { versions(first: 5) { edges { node { number stage } } } } }
} }`;

interface Seen {
  to: string;
  production: number | null;
  stages: string;
}

function seen(outcome: Outcome | 'timeout'): Seen {
  if (outcome === 'timeout' || outcome.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  const change = outcome.payload.data.stageChanged;
  return {
    to: change.to,
    production: change.model.version?.number ?? null,
    stages: change.modelVersion.model.versions.edges.map(({ node }: { node: { number: number; stage: string } }) => `${node.number}:${node.stage}`).join(' '),
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
    const subscriber = wsSubscribe(server.wsUrl, NESTED, { name: 'fresh-ws' }, `Bearer ${ADMIN_TOKEN}`);
    await settle();
    await promoteAndCheck('fresh-ws', [subscriber]);
    await subscriber.close();
  });

  it('over Server-Sent Events', async () => {
    await seedModel(server, 'fresh-sse', 4);
    const subscriber = sseSubscribe(server.url, NESTED, { name: 'fresh-sse' }, `Bearer ${ADMIN_TOKEN}`);
    await subscriber.status;
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
function twinSubscriptions(wsUrl: string, query: string, variables: Record<string, unknown>) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const subscriptions = [0, 1].map((): Subscription => {
    const outcomes: Outcome[] = [];
    const waiting: ((outcome: Outcome) => void)[] = [];
    const push = (outcome: Outcome) => (waiting.length > 0 ? waiting.shift()!(outcome) : outcomes.push(outcome));
    client.subscribe(
      { query, variables },
      {
        next: (payload) => push(payload.errors ? { kind: 'error', payload: payload.errors } : { kind: 'event', payload }),
        error: (error) => push({ kind: 'error', payload: error }),
        complete: () => push({ kind: 'complete' }),
      },
    );
    return {
      next: (ms = 5_000) =>
        outcomes.length > 0
          ? Promise.resolve(outcomes.shift()!)
          : new Promise((resolve) => {
              const timer = setTimeout(() => resolve('timeout'), ms);
              waiting.push((outcome) => (clearTimeout(timer), resolve(outcome)));
            }),
      close: async () => undefined,
    };
  });
  return { subscriptions, close: () => client.dispose() as Promise<void> };
}
