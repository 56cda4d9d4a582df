import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { wsSubscribe } from './support/subscribers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const groups = () => server.app.multiplexer.groupCount;

describe('shared execution of live subscriptions', () => {
  it('twins share one execution; each still gets every change, in order, and can leave alone', async () => {
    await seedModel(server, 'shared', 3);
    const reader = await server.token(['READ']);
    const twins = await Promise.all([wsSubscribe(server.url, { name: 'shared' }), wsSubscribe(server.url, { name: 'shared' })]);
    const otherScopes = await wsSubscribe(server.url, { name: 'shared' }, reader);
    const otherModel = await wsSubscribe(server.url, { name: 'elsewhere' });
    const replaying = await wsSubscribe(server.url, { name: 'shared', after: '0' });
    // Same document, variables and scopes: one group; other scopes or variables: their own;
    // a replay from a cursor runs alone.
    expect(groups()).toBe(3);

    await setStage(server, 'shared', '1', 'STAGING');
    await setStage(server, 'shared', '2', 'STAGING', true);
    for (const subscriber of [...twins, otherScopes, replaying]) {
      const events = await subscriber.waitFor(3);
      expect(events.map((e) => `${e.modelVersion.name}:${e.to}`)).toEqual(['1:STAGING', '1:ARCHIVED', '2:STAGING']);
    }
    expect(otherModel.events).toEqual([]);

    await twins[0]!.close();
    await setStage(server, 'shared', '3', 'PRODUCTION');
    await twins[1]!.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(twins[0]!.events).toHaveLength(3);

    for (const subscriber of [twins[1]!, otherScopes, otherModel, replaying]) await subscriber.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(groups()).toBe(0);
  });

  it('revoking one member\'s token ends that member only', async () => {
    await seedModel(server, 'revoke-one', 2);
    const doomedToken = await server.token(['READ'], 'doomed');
    const keptToken = await server.token(['READ'], 'kept');
    const doomed = await wsSubscribe(server.url, { name: 'revoke-one' }, doomedToken);
    const kept = await wsSubscribe(server.url, { name: 'revoke-one' }, keptToken);
    expect(groups()).toBe(1);
    const tokens = await server.ok<any>('{ apiTokens { id name } }', undefined, ADMIN_TOKEN);
    const id = tokens.apiTokens.find((t: { name: string }) => t.name === 'doomed').id;
    await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Ended with the contract's code, like a subscription that runs alone.
    expect(JSON.stringify(doomed.errors)).toContain('UNAUTHENTICATED');
    await setStage(server, 'revoke-one', '1', 'STAGING');
    await kept.waitFor(1);
    expect(doomed.events).toEqual([]);
    await kept.close();
    await doomed.close();
  });
});
