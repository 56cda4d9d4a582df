import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayChangeModel } from '../src/services/model-access.js';
import { seedModel } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openDigest } from './support/transport.js';

let server: TestServer;
let digest: Awaited<ReturnType<typeof openDigest>>;
beforeAll(async () => {
  server = await startTestServer();
  digest = await openDigest(server.databaseUrl);
});
afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

const CREATE_TOKEN = `mutation($name: String!, $scopes: [Scope!]!, $models: [String!]) {
  createApiToken(name: $name, scopes: $scopes, models: $models) {
    __typename
    ... on CreateApiTokenSuccess { token apiToken { name models } }
    ... on ValidationError { code field }
  }
}`;

describe('createApiToken(models:)', () => {
  it('keeps the entries as given and shows them on the token and the viewer', async () => {
    const created = await server.ok<any>(CREATE_TOKEN, { name: 'team-fraud', scopes: ['PROMOTE'], models: ['fraud-*', 'churn'] });
    expect(created.createApiToken).toMatchObject({ __typename: 'CreateApiTokenSuccess', apiToken: { name: 'team-fraud', models: ['fraud-*', 'churn'] } });
    const viewer = await server.ok<any>('{ viewer { name models } }', {}, created.createApiToken.token);
    expect(viewer.viewer).toEqual({ name: 'team-fraud', models: ['fraud-*', 'churn'] });
    const unlimited = await server.ok<any>(CREATE_TOKEN, { name: 'everything', scopes: ['READ'] });
    expect(unlimited.createApiToken.apiToken.models).toBeNull();
  });

  it.each([
    ['an empty list', []],
    ['an empty entry', ['']],
    ['a control character', ['fraud\n*']],
    ['an entry over 255 characters', ['x'.repeat(256)]],
    ['more than 100 entries', Array.from({ length: 101 }, (_, i) => `m${i}`)],
  ])('refuses %s (INVALID_INPUT, field models), creating nothing', async (_name, models) => {
    const before = await digest.digest();
    const refused = await server.ok<any>(CREATE_TOKEN, { name: 'never-made', scopes: ['READ'], models });
    expect(refused.createApiToken).toEqual({ __typename: 'ValidationError', code: 'INVALID_INPUT', field: 'models' });
    expect(await digest.digest()).toEqual(before);
  });
});

describe('a token limited to models', () => {
  let limited = '';
  beforeAll(async () => {
    await seedModel(server, 'fraud-eu', 1);
    await seedModel(server, 'churn', 1);
    await seedModel(server, 'fraud%x', 1);
    limited = await server.token(['ADMIN'], 'limited-fraud', ['fraud-*']);
  });

  it('changes the models it matches', async () => {
    const moved = await server.ok<any>('mutation { setStage(name: "fraud-eu", version: "1", stage: PRODUCTION) { __typename } }', {}, limited);
    expect(moved.setStage.__typename).toBe('SetStageSuccess');
    const created = await server.ok<any>('mutation { createModel(name: "fraud-us") { __typename } }', {}, limited);
    expect(created.createModel.__typename).toBe('CreateModelSuccess');
  });

  it('reads every model', async () => {
    const read = await server.ok<any>('{ model(name: "churn") { name version(version: "1") { stage } } }', {}, limited);
    expect(read.model).toEqual({ name: 'churn', version: { stage: 'NONE' } });
  });

  it.each([
    ['createModel', 'mutation { createModel(name: "churn-2") { __typename } }', 'churn-2'],
    ['createModelVersion', 'mutation { createModelVersion(model: "churn") { __typename } }', 'churn'],
    ['updateModel', 'mutation { updateModel(name: "churn", description: "x") { __typename } }', 'churn'],
    ['setStage', 'mutation { setStage(name: "churn", version: "1", stage: STAGING) { __typename } }', 'churn'],
    ['deleteModelVersion', 'mutation { deleteModelVersion(model: "churn", version: "1") { __typename } }', 'churn'],
    ['a name where % would match in SQL LIKE', 'mutation { updateModel(name: "fraud%x", description: "x") { __typename } }', 'fraud%x'],
  ])('is FORBIDDEN to %s elsewhere, naming the model, and nothing changes', async (_name, query, model) => {
    const before = await digest.digest();
    const refused = await server.gql(query, {}, limited);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toContain(`may not change the model ${JSON.stringify(model)}`);
    expect(await digest.digest()).toEqual(before);
  });

  it('is refused a whole document when one field is on another model', async () => {
    const before = await digest.digest();
    const refused = await server.gql('mutation { a: updateModel(name: "fraud-eu", description: "ok") { __typename } b: updateModel(name: "churn", description: "no") { __typename } }', {}, limited);
    expect(refused).toMatchObject({ data: null, errors: [{ path: ['b'], extensions: { code: 'FORBIDDEN' } }] });
    expect(await digest.digest()).toEqual(before);
  });

  it('may not manage tokens, even with ADMIN (it would escape its limit)', async () => {
    const before = await digest.digest();
    const refused = await server.gql(CREATE_TOKEN, { name: 'escape', scopes: ['ADMIN'] }, limited);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('limited to models');
    expect(await digest.digest()).toEqual(before);
  });
});

describe('model patterns', () => {
  it.each([
    [['fraud-*'], 'fraud-', true],
    [['fraud-*'], 'fraud', false],
    [['*'], 'anything at all', true],
    [['a*a'], 'a', false],
    [['a*a'], 'aa', true],
    [['*-eu-*'], 'x-eu-y', true],
    [['*-eu-*'], '-eu', false],
    [['a*b*c'], 'acb', false],
    [['a*b*c'], 'abbc', true],
    [['m_x'], 'm-x', false],
    [['m%'], 'model', false],
    [['m.*'], 'mx', false],
    [['m.*'], 'm.x', true],
    [['(a|b)*'], 'a', false],
  ])('%j matches %j: %s', (models, name, expected) => {
    expect(mayChangeModel(models, name)).toBe(expected);
  });
});
