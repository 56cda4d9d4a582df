/**
 * The baseline's schema: graphql-yoga with nothing of Modelstage. Reads return a constant;
 * setStage publishes, from memory, the same changes (archive the holder, promote) that Modelstage
 * would commit, and stageChanged delivers them with the same fields. Served by bare-server.ts,
 * and run in-process by bench/layers.ts.
 */
import { setMaxListeners } from 'node:events';
import { createPubSub, createSchema } from 'graphql-yoga';

const typeDefs = /* GraphQL */ `
  enum ModelStage { NONE STAGING PRODUCTION ARCHIVED LATEST }
  type Model { id: ID! name: String! version(version: String, stage: ModelStage): ModelVersion }
  type ModelVersion { id: ID! name: String! number: Int! stage: ModelStage! model: Model! }
  type StageChange {
    id: ID! cursor: String! model: Model! modelVersion: ModelVersion! from: ModelStage! to: ModelStage!
    forced: Boolean! displaced: Boolean! actor: String occurredAt: String! transactionId: ID!
  }
  type SetStageSuccess { modelVersion: ModelVersion! changes: [StageChange!]! }
  union SetStageResult = SetStageSuccess
  type Query {
    modelVersion(name: String!, version: String, stage: ModelStage): ModelVersion
    model(name: String!): Model
  }
  type Mutation { setStage(name: String!, version: String!, stage: ModelStage!, force: Boolean): SetStageResult! }
  type Subscription { stageChanged(name: String, after: String): StageChange! }
`;

interface Version { id: string; name: string; number: number; stage: string; model: { id: string; name: string } }
interface Change { id: string; cursor: string; model: Version['model']; modelVersion: Version; from: string; to: string; forced: boolean; displaced: boolean; actor: string; occurredAt: string; transactionId: string }

// One listener per subscriber on one EventTarget: lift Node's leak warning (10 listeners).
const eventTarget = new EventTarget();
setMaxListeners(0, eventTarget);
const pubsub = createPubSub<{ [topic: `changed:${string}`]: [Change] }>({ eventTarget });
const model = (name: string) => ({ id: 'TW9kZWw6MQ==', name });
const constantVersion = (name: string): Version => ({ id: 'TW9kZWxWZXJzaW9uOjE=', name: '1', number: 1, stage: 'PRODUCTION', model: model(name) });
let cursor = 0;
let transaction = 1000;

export const bareSchema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      modelVersion: (_: unknown, args: { name: string }) => constantVersion(args.name),
      model: (_: unknown, args: { name: string }) => model(args.name),
    },
    Model: { version: (parent: { name: string }) => constantVersion(parent.name) },
    SetStageResult: { __resolveType: () => 'SetStageSuccess' },
    Mutation: {
      setStage: (_: unknown, args: { name: string; version: string }) => {
        const transactionId = String(++transaction);
        const promoted: Version = { ...constantVersion(args.name), name: args.version, number: Number(args.version) || 1 };
        const holder: Version = { ...promoted, name: 'holder', stage: 'ARCHIVED' };
        const change = (version: Version, from: string, to: string, displaced: boolean): Change => {
          const id = String(++cursor);
          return { id, cursor: id, model: promoted.model, modelVersion: version, from, to, forced: true, displaced, actor: 'bench', occurredAt: new Date().toISOString(), transactionId };
        };
        const changes = [change(holder, 'PRODUCTION', 'ARCHIVED', true), change(promoted, 'ARCHIVED', 'PRODUCTION', false)];
        for (const c of changes) pubsub.publish(`changed:${args.name}`, c);
        return { modelVersion: promoted, changes };
      },
    },
    Subscription: {
      stageChanged: {
        subscribe: (_: unknown, args: { name?: string }) => pubsub.subscribe(`changed:${args.name ?? ''}`),
        resolve: (change: Change) => change,
      },
    },
  },
});

