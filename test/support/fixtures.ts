import { CreateModelDocument, CreateVersionDocument, DeleteModelDocument, DeleteVersionDocument, SetStageDocument, StagesOfDocument, type ModelStage } from '../generated/graphql.js';
import type { TestServer } from './server.js';
import type { Members } from './members.js';

/** Registers a model and `count` versions (named by number); returns the model's name. */
export async function seedModel(server: TestServer, name: string, count = 0): Promise<string> {
  const created = await server.ok(CreateModelDocument, { name });
  if (created.createModel.__typename !== 'CreateModelSuccess') throw new Error(`could not create ${name}: ${created.createModel.__typename}`);
  for (let i = 0; i < count; i += 1) await createVersion(server, name);
  return name;
}

export async function createVersion(server: TestServer, model: string, fields: { name?: string; metadata?: unknown } = {}) {
  const data = await server.ok(CreateVersionDocument, { model, ...fields });
  return data.createModelVersion as Members<typeof data.createModelVersion>;
}

/** deleteModelVersion as test/operations/models.graphql selects it; answers the result union member. */
export async function deleteVersion(server: TestServer, model: string, version: string) {
  const data = await server.ok(DeleteVersionDocument, { model, version });
  return data.deleteModelVersion as Members<typeof data.deleteModelVersion>;
}

export async function deleteModel(server: TestServer, name: string) {
  const data = await server.ok(DeleteModelDocument, { name });
  return data.deleteModel as Members<typeof data.deleteModel>;
}

/** The text of the SetStage document, for tests that send it raw (bodies, fuzzing). */
export const SET_STAGE = String(SetStageDocument);

/** setStage as test/operations/fixtures.graphql selects it; `stage` in the schema's spelling. */
export async function setStage(server: TestServer, name: string, version: string, stage: string, force = false, token?: string) {
  const data = await server.ok(SetStageDocument, { name, version, stage: stage as ModelStage, force }, token);
  return data.setStage as Members<typeof data.setStage>;
}

/** Every version of a model with its stage, by number. */
export async function stagesOf(server: TestServer, name: string): Promise<Record<number, string>> {
  const data = await server.ok(StagesOfDocument, { name });
  return Object.fromEntries((data.model?.versions.edges ?? []).map(({ node }) => [node.number, node.stage]));
}

/** setStage with the ledger's options; fails the test unless the move commits. */
export async function moveWith(server: TestServer, name: string, version: string, stage: string, options: { force?: boolean; reason?: string } = {}) {
  const data = await server.ok<{ setStage: { __typename: string; message?: string } }>(
    `mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $reason: String) {
      setStage(name: $name, version: $version, stage: $stage, force: $force, reason: $reason) { __typename ... on Error { message } }
    }`,
    { name, version, stage, ...options },
  );
  if (data.setStage.__typename !== 'SetStageSuccess') throw new Error(`setStage ${name} ${version} ${stage}: ${data.setStage.__typename} ${data.setStage.message ?? ''}`);
}
