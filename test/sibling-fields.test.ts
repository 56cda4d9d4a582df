import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { createVersion, seedModel, setStage } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import { EditCreateAndTagDocument } from './generated/graphql.js';

/**
 * A refused mutation changes nothing, whatever else its document does: each refusal runs in one
 * document between fields that succeed and write (every kind of write the schema has), and the
 * rows the refusal aimed at are compared, by SQL, before and after.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedModel(server, 'target', 3);
  await setStage(server, 'target', '1', 'PRODUCTION');
  await seedModel(server, 'sib-host', 1);
  await createVersion(server, 'target', { name: 'named' });
  await server.token(['READ'], 'taken');
});
afterAll(() => server?.stop());

/** Every row the siblings do not own (their models and tokens are named sib-…), as text. */
async function untouchedRows(): Promise<string[]> {
  const rows = await sql<{ row: string }>(
    server.databaseUrl,
    `select 'model ' || m::text as row from model m where m.name not like 'sib-%'
     union all select 'version ' || v::text from model_version v join model m on m.id = v.model_id where m.name not like 'sib-%'
     union all select 'change ' || c::text from stage_change c join model m on m.id = c.model_id where m.name not like 'sib-%'
     union all select 'token ' || t::text from api_token t where t.name not like 'sib-%'
     order by 1`,
  );
  return rows.map((r) => r.row);
}

let sibling = 0;
/** Fields that succeed and write, through each write path: create, update, stage change, token. */
function siblings(prefix: string): string {
  sibling += 1;
  const n = `${prefix}${sibling}`;
  return `
    ${n}a: createModel(name: "sib-${n}") { __typename }
    ${n}b: createModelVersion(model: "sib-host", description: "${n}") { __typename }
    ${n}c: updateModel(name: "sib-host", description: "${n}") { __typename }
    ${n}d: updateModelVersion(model: "sib-host", version: "1", description: "${n}") { __typename }
    ${n}e: setStage(name: "sib-host", version: "1", stage: ${sibling % 2 === 0 ? 'STAGING' : 'ARCHIVED'}) { __typename }
    ${n}f: createApiToken(name: "sib-${n}", scopes: [READ]) { __typename }`;
}

const REFUSALS: { field: string; expected: string }[] = [
  { field: 'createModel(name: "")', expected: 'ValidationError' },
  { field: 'createModel(name: "never", tags: ["ok", ""])', expected: 'ValidationError' },
  { field: 'createModel(name: "target")', expected: 'AlreadyExistsError' },
  { field: 'updateModel(name: "target", description: "changed", license: "MIT", tags: ["ok", ""])', expected: 'ValidationError' },
  { field: 'updateModel(name: "absent", description: "changed")', expected: 'NotFoundError' },
  { field: 'deleteModel(name: "target")', expected: 'StageConflictError' },
  { field: 'deleteModel(name: "absent")', expected: 'NotFoundError' },
  { field: 'createModelVersion(model: "target", name: "42")', expected: 'ValidationError' },
  { field: 'createModelVersion(model: "target", description: "x", tags: [""])', expected: 'ValidationError' },
  { field: 'createModelVersion(model: "target", name: "named")', expected: 'AlreadyExistsError' },
  { field: 'createModelVersion(model: "absent")', expected: 'NotFoundError' },
  { field: 'updateModelVersion(model: "target", version: "2", description: "changed", metadata: {a: 1}, tags: ["ok", ""])', expected: 'ValidationError' },
  { field: 'updateModelVersion(model: "target", version: "2", tags: ["changed"], description: "\\u0000")', expected: 'ValidationError' },
  { field: 'updateModelVersion(model: "target", version: "9", description: "changed")', expected: 'NotFoundError' },
  { field: 'deleteModelVersion(model: "target", version: "1")', expected: 'StageConflictError' },
  { field: 'deleteModelVersion(model: "target", version: "9")', expected: 'NotFoundError' },
  { field: 'setStage(name: "target", version: "2", stage: PRODUCTION)', expected: 'StageConflictError' },
  { field: 'setStage(name: "target", version: "2", stage: LATEST)', expected: 'ValidationError' },
  { field: 'setStage(name: "target", version: "9", stage: STAGING)', expected: 'NotFoundError' },
  { field: 'createApiToken(name: "", scopes: [READ])', expected: 'ValidationError' },
  { field: 'createApiToken(name: "taken", scopes: [ADMIN])', expected: 'AlreadyExistsError' },
  { field: 'revokeApiToken(id: "bm90LWFuLWlk")', expected: 'NotFoundError' },
];

describe('a refused mutation beside fields that succeed', () => {
  it.each(REFUSALS)('$field changes nothing', async ({ field, expected }) => {
    // Inline on purpose: an unusual document, built per case, of many aliased writes around the refusal.
    const before = await untouchedRows();
    const result = await server.gql<Record<string, { __typename: string }>>(`mutation {
      ${siblings('before')}
      refused: ${field} { __typename }
      ${siblings('after')}
    }`);
    expect(result.errors).toBeUndefined();
    const { refused, ...others } = result.data!;
    expect(refused!.__typename).toBe(expected);
    for (const [alias, outcome] of Object.entries(others)) expect(outcome.__typename, alias).toMatch(/Success$/);
    expect(await untouchedRows()).toEqual(before);
  });
});

describe('the results of writes in one document', () => {
  it('read what each write committed, also through the request\'s loaders', async () => {
    const result = await server.ok(EditCreateAndTagDocument, { model: 'sib-host', version: 'fresh' });
    expect(result.edited.model).toEqual({ description: 'edited', tags: ['a'] });
    expect(result.created.modelVersion).toEqual({ name: 'fresh', tags: ['b'], model: { description: 'edited', version: { name: 'fresh' } } });
    expect(result.tagged.modelVersion).toEqual({ description: 'tagged', model: { version: { description: 'tagged' } } });
  });
});
