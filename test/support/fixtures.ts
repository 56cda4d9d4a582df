import type { TestServer } from './server.js';

/** Registers a model and `count` versions (named by number); returns the model's name. */
export async function seedModel(server: TestServer, name: string, count = 0): Promise<string> {
  const created = await server.ok<{ createModel: { __typename: string } }>(
    'mutation($name: String!) { createModel(name: $name) { __typename } }',
    { name },
  );
  if (created.createModel.__typename !== 'CreateModelSuccess') throw new Error(`could not create ${name}: ${created.createModel.__typename}`);
  for (let i = 0; i < count; i += 1) await createVersion(server, name);
  return name;
}

export async function createVersion(server: TestServer, model: string, fields: { name?: string; metadata?: unknown } = {}) {
  const data = await server.ok<{ createModelVersion: { __typename: string; modelVersion?: { name: string; number: number } } }>(
    `mutation($model: String!, $name: String, $metadata: JSON) {
      createModelVersion(model: $model, name: $name, metadata: $metadata) {
        __typename ... on CreateModelVersionSuccess { modelVersion { name number } }
      }
    }`,
    { model, ...fields },
  );
  return data.createModelVersion;
}

export const SET_STAGE = `
  mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean) {
    setStage(name: $name, version: $version, stage: $stage, force: $force) {
      __typename
      ... on SetStageSuccess {
        modelVersion { name number stage }
        archived { name number stage }
        changes { cursor from to forced displaced actor transactionId modelVersion { name } }
      }
      ... on StageConflictError { code message holder { name number stage } }
      ... on Error { code message }
      ... on ValidationError { field }
    }
  }`;

export async function setStage(server: TestServer, name: string, version: string, stage: string, force = false, token?: string) {
  const data = await server.ok<{ setStage: any }>(SET_STAGE, { name, version, stage, force }, token);
  return data.setStage;
}

/** Every version of a model with its stage, by number. */
export async function stagesOf(server: TestServer, name: string): Promise<Record<number, string>> {
  const data = await server.ok<{ model: { versions: { edges: { node: { number: number; stage: string } }[] } } }>(
    'query($name: String!) { model(name: $name) { versions(first: 100) { edges { node { number stage } } } } }',
    { name },
  );
  return Object.fromEntries(data.model.versions.edges.map(({ node }) => [node.number, node.stage]));
}
