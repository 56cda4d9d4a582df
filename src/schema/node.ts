import { ApiToken, PromotionRequest, StageChange, Webhook, WebhookDelivery } from '../entities/index.js';
import { builder } from './builder.js';
import { ApiTokenRef, ModelRef, ModelVersionRef, PromotionRequestRef, StageChangeRef } from './refs.js';
import { WebhookDeliveryRef, WebhookRef } from './webhook-refs.js';

/*
 * The Node types (@pothos/plugin-relay adds the interface and `id`) and how node(id) loads each.
 * Encoding, decoding and the ADMIN rule of node(id) are in global-ids.ts.
 */

/** A deleted model or version is a tombstone: the log still resolves it, node(id) does not. */
const unlessDeleted = <T extends { deletedAt: Date | null }>(found: T | null | undefined) => (found && !found.deletedAt ? found : null);
const byId = { resolve: (value: { id: string }) => value.id };

builder.nodeRef(ModelRef, { id: byId, loadOne: async (id, ctx) => unlessDeleted(await ctx.loaders.model.load(id)) });
builder.nodeRef(ModelVersionRef, { id: byId, loadOne: async (id, ctx) => unlessDeleted(await ctx.loaders.version.load(id)) });
builder.nodeRef(StageChangeRef, { id: byId, loadOne: (id, ctx) => ctx.em.findOne(StageChange, { id }) });
builder.nodeRef(ApiTokenRef, { id: byId, loadOne: (id, ctx) => ctx.em.findOne(ApiToken, { id }) });
builder.nodeRef(WebhookRef, { id: byId, loadOne: (id, ctx) => ctx.em.findOne(Webhook, { id }) });
builder.nodeRef(WebhookDeliveryRef, { id: byId, loadOne: (id, ctx) => ctx.em.findOne(WebhookDelivery, { id }) });
builder.nodeRef(PromotionRequestRef, { id: byId, loadOne: (id, ctx) => ctx.em.findOne(PromotionRequest, { id }) });
