import { ApiToken, Model, ModelVersion, PromotionRequest, StageChange, Webhook, WebhookDelivery } from '../entities/index.js';
import type { Context } from './context.js';

/*
 * How @pothos/plugin-relay (configured in builder.ts) encodes, decodes and resolves the Node
 * types. Kept apart from node.ts, which registers the types with the builder, so that builder.ts
 * and services can import it without a cycle.
 */

const NODE_CLASSES = { Model, ModelVersion, StageChange, ApiToken, Webhook, WebhookDelivery, PromotionRequest } as const;
export type NodeTypeName = keyof typeof NODE_CLASSES;
const NODE_TYPE_NAMES = Object.keys(NODE_CLASSES) as NodeTypeName[];
/** Visible to administrators only. */
const ADMIN_NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>(['ApiToken', 'Webhook', 'WebhookDelivery']);

const isNodeType = (name: string): name is NodeTypeName => NODE_TYPE_NAMES.includes(name as NodeTypeName);

/**
 * Global IDs: base64url of "Type:databaseId", opaque to clients. The plugin's default is
 * standard base64, which would change every id clients already hold.
 */
export function globalId(type: string, id: string | number | bigint): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function parseGlobalId(id: string): { type: NodeTypeName; id: string } | undefined {
  const [type, key, ...rest] = Buffer.from(id, 'base64url').toString().split(':');
  if (rest.length > 0 || !key || !/^\d{1,18}$/.test(key) || !type || !isNodeType(type)) return undefined;
  return { type, id: key };
}

/**
 * The plugin's decodeGlobalID, which may not fail: a malformed id (the plugin would throw)
 * decodes to no type, and node(id) answers it with null, as for an unknown id.
 */
export function decodeGlobalId(id: string): { typename: string; id: string } {
  const parsed = parseGlobalId(id);
  return parsed ? { typename: parsed.type, id: parsed.id } : { typename: '', id: '' };
}

/** The Node interface's resolveType: entities are class instances. */
export function nodeTypeOf(value: unknown): NodeTypeName | undefined {
  return NODE_TYPE_NAMES.find((name) => value instanceof NODE_CLASSES[name]);
}

type NodeId = { typename: string; id: string };
/** node(id): null for a malformed id and, unless the caller is an administrator, for ADMIN-only types. */
export function resolveNodeQuery(_root: unknown, args: { id: NodeId }, ctx: Context, _info: unknown, resolveNode: (id: NodeId) => unknown) {
  if (!isNodeType(args.id.typename)) return null;
  if (ADMIN_NODE_TYPES.has(args.id.typename) && !ctx.principal.scopes.has('admin')) return null;
  return resolveNode(args.id);
}
