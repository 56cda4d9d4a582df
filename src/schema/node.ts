import { ApiToken, Model, ModelVersion, PromotionRequest, StageChange, Webhook, WebhookDelivery } from '../entities/index.js';
import { builder } from './builder.js';
import type { Context } from './context.js';

type NodeValue = Model | ModelVersion | StageChange | ApiToken | Webhook | WebhookDelivery | PromotionRequest;

const NODE_TYPES = {
  Model: { entity: Model, load: (ctx: Context, id: string) => ctx.loaders.model.load(id) },
  ModelVersion: { entity: ModelVersion, load: (ctx: Context, id: string) => ctx.loaders.version.load(id) },
  StageChange: { entity: StageChange, load: (ctx: Context, id: string) => ctx.em.findOne(StageChange, { id }) },
  ApiToken: { entity: ApiToken, load: (ctx: Context, id: string) => ctx.em.findOne(ApiToken, { id }) },
  Webhook: { entity: Webhook, load: (ctx: Context, id: string) => ctx.em.findOne(Webhook, { id }) },
  WebhookDelivery: { entity: WebhookDelivery, load: (ctx: Context, id: string) => ctx.em.findOne(WebhookDelivery, { id }) },
  PromotionRequest: { entity: PromotionRequest, load: (ctx: Context, id: string) => ctx.em.findOne(PromotionRequest, { id }) },
} as const;
type NodeTypeName = keyof typeof NODE_TYPES;
/** Visible to administrators only. */
const ADMIN_NODE_TYPES: ReadonlySet<NodeTypeName> = new Set(['ApiToken', 'Webhook', 'WebhookDelivery']);

/** Global IDs: base64url of "Type:databaseId", opaque to clients. */
export function globalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function parseGlobalId(id: string): { type: NodeTypeName; id: string } | undefined {
  const [type, key, ...rest] = Buffer.from(id, 'base64url').toString().split(':');
  if (rest.length > 0 || !key || !/^\d{1,18}$/.test(key) || !type || !(type in NODE_TYPES)) return undefined;
  return { type: type as NodeTypeName, id: key };
}

function nodeTypeOf(value: NodeValue): NodeTypeName {
  return (Object.keys(NODE_TYPES) as NodeTypeName[]).find((name) => value instanceof NODE_TYPES[name].entity)!;
}

/** Implementing types inherit `id` from here. */
export const NodeInterface = builder.interfaceRef<NodeValue>('Node').implement({
  resolveType: nodeTypeOf,
  fields: (t) => ({ id: t.id({ resolve: (value) => globalId(nodeTypeOf(value), value.id) }) }),
});

builder.queryField('node', (t) =>
  t.field({
    type: NodeInterface,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const parsed = parseGlobalId(id);
      if (!parsed) return null;
      if (ADMIN_NODE_TYPES.has(parsed.type) && !ctx.principal.scopes.has('admin')) return null;
      const found = (await NODE_TYPES[parsed.type].load(ctx, parsed.id)) ?? null;
      // A deleted model or version is a tombstone: the log still resolves it, node(id) does not.
      return found && 'deletedAt' in found && found.deletedAt ? null : found;
    },
  }),
);
