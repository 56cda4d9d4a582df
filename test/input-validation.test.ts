import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { seedModel } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedModel(server, 'valid', 1);
});
afterAll(() => server?.stop());

/** Row counts of every table: bad input must leave all of them as they were. */
const snapshot = async () =>
  sql(server.databaseUrl, `select (select count(*) from model)::int m, (select count(*) from model_version)::int v, (select count(*) from stage_change)::int c,
    (select coalesce(string_agg(name || ':' || coalesce(description, '') || ':' || array_to_string(tags, ','), '|' order by id), '') from model) models`);

const CREATE_MODEL = `mutation($name: String!, $tags: [String!], $description: String) {
  createModel(name: $name, tags: $tags, description: $description) { __typename ... on Error { code message } ... on ValidationError { field } } }`;
const CREATE_VERSION = `mutation($model: String!, $name: String, $metadata: JSON, $tags: [String!]) {
  createModelVersion(model: $model, name: $name, metadata: $metadata, tags: $tags) { __typename ... on Error { code message } ... on ValidationError { field } } }`;

describe('bad input gets a typed error and changes nothing', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    ['empty model name', CREATE_MODEL, { name: '' }, { __typename: 'ValidationError', code: 'INVALID_INPUT', field: 'name' }],
    ['over-long model name', CREATE_MODEL, { name: 'm'.repeat(256) }, { __typename: 'ValidationError', field: 'name' }],
    ['control character in a name', CREATE_MODEL, { name: 'bad\u0007name' }, { __typename: 'ValidationError', field: 'name' }],
    ['over-long tag', CREATE_MODEL, { name: 'tagged', tags: ['t'.repeat(256)] }, { __typename: 'ValidationError', field: 'tags' }],
    ['too many tags', CREATE_MODEL, { name: 'tagged', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, { __typename: 'ValidationError', field: 'tags' }],
    ['over-long description', CREATE_MODEL, { name: 'described', description: 'd'.repeat(10_001) }, { __typename: 'ValidationError', field: 'description' }],
    ['duplicate model', CREATE_MODEL, { name: 'valid' }, { __typename: 'AlreadyExistsError', code: 'ALREADY_EXISTS' }],
    ['version of an unknown model', CREATE_VERSION, { model: 'nope' }, { __typename: 'NotFoundError', code: 'NOT_FOUND' }],
    ['all-digit version name', CREATE_VERSION, { model: 'valid', name: '42' }, { __typename: 'ValidationError', field: 'name' }],
    ['stage as version name', CREATE_VERSION, { model: 'valid', name: 'Production' }, { __typename: 'ValidationError', field: 'name' }],
    ['latest as version name', CREATE_VERSION, { model: 'valid', name: 'LATEST' }, { __typename: 'ValidationError', field: 'name' }],
    ['empty version name', CREATE_VERSION, { model: 'valid', name: '' }, { __typename: 'ValidationError', field: 'name' }],
    ['over-long version name', CREATE_VERSION, { model: 'valid', name: 'v'.repeat(256) }, { __typename: 'ValidationError', field: 'name' }],
    ['duplicate version name', CREATE_VERSION, { model: 'valid', name: '1' }, { __typename: 'ValidationError' }],
    ['huge metadata', CREATE_VERSION, { model: 'valid', metadata: { blob: 'x'.repeat(70_000) } }, { __typename: 'ValidationError', field: 'metadata' }],
    ['deeply nested metadata', CREATE_VERSION, { model: 'valid', metadata: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) }, { __typename: 'ValidationError', field: 'metadata' }],
  ];

  for (const [label, query, variables, expected] of cases) {
    it(label, async () => {
      const before = await snapshot();
      const data = await server.ok<Record<string, unknown>>(query, variables);
      expect(Object.values(data)[0]).toMatchObject(expected);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('stores names verbatim within the limits', async () => {
    const name = ' Ünïcødé / model ✓ ';
    const data = await server.ok<any>(CREATE_MODEL, { name });
    expect(data.createModel.__typename).toBe('CreateModelSuccess');
    expect((await server.ok<any>('query($n: String!) { model(name: $n) { name } }', { n: name })).model.name).toBe(name);
    const long = 'x'.repeat(255);
    expect((await server.ok<any>(CREATE_MODEL, { name: long })).createModel.__typename).toBe('CreateModelSuccess');
  });

  it('keeps metadata of any JSON kind, as the JSON scalar promises', async () => {
    for (const metadata of [[1, 2], 'a text', 42, true, { metrics: { f1: 0.9 }, tags: ['x'] }]) {
      const data = await server.ok<any>(`${CREATE_VERSION.replace('__typename', '__typename ... on CreateModelVersionSuccess { modelVersion { number } }')}`, { model: 'valid', metadata });
      const number = data.createModelVersion.modelVersion.number;
      const stored = await server.ok<any>('query($v: String!) { modelVersion(name: "valid", version: $v) { metadata } }', { v: String(number) });
      expect(stored.modelVersion.metadata).toEqual(metadata);
    }
  });

  it('names the id it could not find when revoking a token', async () => {
    const { id } = (await server.ok<any>('mutation { createApiToken(name: "gone", scopes: [READ]) { ... on CreateApiTokenSuccess { apiToken { id } } } }')).createApiToken.apiToken;
    await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id });
    const query = 'mutation($id: ID!) { revokeApiToken(id: $id) { __typename ... on Error { code message } } }';
    for (const given of ['bogus', 'TW9kZWw6MQ', 'QXBpVG9rZW46OTk5OTk']) {
      expect((await server.ok<any>(query, { id: given })).revokeApiToken).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: `no token with id "${given}"` });
    }
  });

  it('a duplicate version name is ALREADY_EXISTS', async () => {
    await server.ok(CREATE_VERSION, { model: 'valid', name: 'named' });
    const data = await server.ok<any>(CREATE_VERSION, { model: 'valid', name: 'named' });
    expect(data.createModelVersion).toMatchObject({ __typename: 'AlreadyExistsError', code: 'ALREADY_EXISTS' });
  });

  const badPages: [string, string][] = [
    ['first: 0', '{ models(first: 0) { edges { cursor } } }'],
    ['first: 101', '{ models(first: 101) { edges { cursor } } }'],
    ['first: -1 on versions', '{ model(name: "valid") { versions(first: -1) { edges { cursor } } } }'],
    ['malformed models cursor', '{ models(after: "not-a-cursor!") { edges { cursor } } }'],
    ['versions cursor on models', '{ models(after: "dmVyc2lvbjoy") { edges { cursor } } }'],
    ['malformed versions cursor', '{ model(name: "valid") { versions(after: "bW9kZWw6eA") { edges { cursor } } } }'],
    ['malformed log cursor', '{ stageChanges(after: "abc") { edges { cursor } } }'],
    ['first: 500 on the log', '{ stageChanges(first: 500) { edges { cursor } } }'],
    ['malformed history cursor', '{ modelVersion(name: "valid", version: "1") { stageHistory(after: "-1") { edges { cursor } } } }'],
  ];
  for (const [label, query] of badPages) {
    it(`${label} is BAD_USER_INPUT`, async () => {
      const result = await server.gql(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  }

  it('an unknown enum value is refused before anything runs', async () => {
    const before = await snapshot();
    const result = await server.gql('mutation { setStage(name: "valid", version: "1", stage: SHIPPED) { __typename } }');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
