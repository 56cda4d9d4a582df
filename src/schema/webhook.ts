import type { Webhook } from '../entities/index.js';
import { NotFoundError, ValidationError } from '../services/errors.js';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from '../services/webhooks.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { orThrow } from './errors.js';
import { globalId } from './global-ids.js';
import { ModelRef } from './refs.js';
import { WebhookDeliveryConnection, WebhookDeliveryStatusEnum } from './webhook-delivery.js';
import { idOf, WebhookEventEnum, WebhookRef } from './webhook-refs.js';

const allowPrivate = (ctx: Context) => ctx.webhookSettings?.allowPrivate ?? false;

WebhookRef.implement({
  description: 'An HTTP endpoint that receives signed messages (Standard Webhooks) for registry events.',
  fields: (t) => ({
    url: t.exposeString('url'),
    events: t.field({ type: [WebhookEventEnum], resolve: (webhook) => webhook.events }),
    model: t.field({
      type: ModelRef,
      nullable: true,
      description: "Only this model's events; null: every model.",
      resolve: async (webhook, _args, ctx) => (webhook.model ? ((await ctx.loaders.model.load(webhook.model.id)) ?? null) : null),
    }),
    description: t.exposeString('description', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'False: nothing is sent and no message is made for new events.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.field({
      type: WebhookDeliveryConnection,
      description: 'Messages to this webhook, newest first (of the messages of one transaction, the later change first).',
      args: { first: t.arg.int(), after: t.arg.string(), status: t.arg({ type: WebhookDeliveryStatusEnum }) },
      resolve: (webhook, args, ctx) => listDeliveries(ctx.em, webhook.id, args),
    }),
  }),
});

const WebhookConnection = builder.connectionObject({ type: WebhookRef, name: 'WebhookConnection' });

builder.queryField('webhooks', (t) =>
  t.field({
    type: WebhookConnection,
    description: 'ADMIN. Webhooks, oldest first.',
    authScopes: { admin: true },
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) => listWebhooks(ctx.em, args),
  }),
);

/** A webhook with its secret: shown this once, in the answer to the call that made it. */
const secretPayload = (name: string, secretDescription: string) =>
  builder.objectRef<{ webhook: Webhook; secret: string }>(name).implement({
    fields: (t) => ({
      webhook: t.field({ type: WebhookRef, resolve: (r) => r.webhook }),
      secret: t.exposeString('secret', { description: secretDescription }),
    }),
  });

const CreateWebhookSuccess = secretPayload('CreateWebhookSuccess', 'The signing secret (`whsec_` and the base64 of 32 random bytes), shown this once.');
const DeleteWebhookSuccess = builder.objectRef<Webhook>('DeleteWebhookSuccess').implement({
  fields: (t) => ({ deletedId: t.id({ resolve: (webhook) => globalId('Webhook', webhook.id) }) }),
});
const RotateWebhookSecretSuccess = secretPayload(
  'RotateWebhookSecretSuccess',
  'The new secret, shown this once. Messages are signed with both the old and the new one for 24 hours, then with the new one alone.',
);

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreateWebhookSuccess,
    errors: { types: [NotFoundError, ValidationError], directResult: true },
    description:
      'ADMIN. `url`: http or https, at most 2,048 characters. Unless the server runs with MODELSTAGE_WEBHOOK_ALLOW_PRIVATE=true, a URL whose host is or resolves to a loopback, private, link-local or unspecified address is refused (ValidationError, field "url"). `events` defaults to [STAGE_CHANGED]; `model` keeps one model\'s events (NotFoundError when unknown).',
    authScopes: { admin: true },
    args: {
      url: t.arg.string({ required: true }),
      events: t.arg({ type: [WebhookEventEnum] }),
      model: t.arg.string(),
      description: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => orThrow(await createWebhook(ctx.em, args, allowPrivate(ctx))),
  }),
  updateWebhook: t.field({
    type: WebhookRef,
    errors: { types: [NotFoundError, ValidationError], dataField: { name: 'webhook' } },
    description: 'ADMIN. Arguments left out stay as they are. `active: true` sends the messages that waited, in order.',
    authScopes: { admin: true },
    args: {
      id: t.arg.id({ required: true }),
      url: t.arg.string(),
      events: t.arg({ type: [WebhookEventEnum] }),
      active: t.arg.boolean(),
      description: t.arg.string(),
    },
    resolve: async (_root, { id, ...patch }, ctx) => orThrow(await updateWebhook(ctx.em, idOf('Webhook', id), patch, allowPrivate(ctx))),
  }),
  deleteWebhook: t.field({
    type: DeleteWebhookSuccess,
    errors: { types: [NotFoundError], directResult: true },
    description: 'ADMIN. Its pending messages are dropped.',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => orThrow(await deleteWebhook(ctx.em, idOf('Webhook', id))),
  }),
  rotateWebhookSecret: t.field({
    type: RotateWebhookSecretSuccess,
    errors: { types: [NotFoundError], directResult: true },
    description: 'ADMIN.',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => orThrow(await rotateWebhookSecret(ctx.em, idOf('Webhook', id))),
  }),
}));
