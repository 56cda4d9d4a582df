import { Webhook, type WebhookDelivery } from '../entities/index.js';
import { redeliverWebhook } from '../services/webhooks.js';
import { builder } from './builder.js';
import { connectionType } from './connection.js';
import type { Context } from './context.js';
import { asResult, NotFoundErrorRef, resultUnion } from './errors.js';
import { NodeInterface } from './node.js';
import { idOf, WebhookDeliveryRef, WebhookEventEnum, WebhookRef } from './webhook-refs.js';

/** The delivery's webhook: listed under it, it is in the operation's identity map already. */
function webhookOf(ctx: Context, delivery: WebhookDelivery): Promise<Webhook> {
  return delivery.webhook.isInitialized() ? Promise.resolve(delivery.webhook.unwrap()) : ctx.em.findOneOrFail(Webhook, { id: delivery.webhook.id });
}

export const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  values: {
    PENDING: { value: 'pending', description: 'Not delivered yet; attempts may follow.' },
    DELIVERED: { value: 'delivered', description: 'A 2xx answer was received.' },
    FAILED: { value: 'failed', description: 'Every attempt failed; no more follow unless redelivered.' },
  } as const,
});

WebhookDeliveryRef.implement({
  description: 'One message to one webhook, with what became of its attempts.',
  interfaces: [NodeInterface],
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, resolve: (delivery, _args, ctx) => webhookOf(ctx, delivery) }),
    event: t.field({ type: WebhookEventEnum, resolve: (delivery) => delivery.event }),
    messageId: t.exposeString('messageId', { description: 'Sent as the `webhook-id` header: the same on every attempt and on a redelivery.' }),
    payload: t.field({ type: 'JSON', description: 'The JSON body sent.', resolve: (delivery) => delivery.payload }),
    status: t.field({ type: WebhookDeliveryStatusEnum, resolve: (delivery) => delivery.status }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
    lastResponseStatus: t.exposeInt('lastResponseStatus', {
      nullable: true,
      description: 'The HTTP status of the last attempt; null when it got none (timeout, refused).',
    }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last attempt failed, in a few words; null after a success.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due; null when none is planned.',
      // An inactive webhook's messages wait for it to be enabled again: nothing is planned.
      resolve: async (delivery, _args, ctx) =>
        delivery.status === 'pending' && (delivery.redeliver || (await webhookOf(ctx, delivery)).active) ? delivery.nextAttemptAt : null,
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
  }),
});

export const WebhookDeliveryConnection = connectionType('WebhookDelivery', WebhookDeliveryRef);

const RedeliverWebhookSuccess = builder.objectRef<{ delivery: WebhookDelivery }>('RedeliverWebhookSuccess').implement({
  fields: (t) => ({ delivery: t.field({ type: WebhookDeliveryRef, resolve: (r) => r.delivery }) }),
});
const RedeliverWebhookResult = resultUnion('RedeliverWebhookResult', RedeliverWebhookSuccess, [NotFoundErrorRef]);

builder.mutationField('redeliverWebhook', (t) =>
  t.field({
    type: RedeliverWebhookResult,
    description:
      "ADMIN. Sends this message again now, with the same messageId, whatever its status; the delivery's attempts, status and times follow the new attempt.",
    authScopes: { admin: true },
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: async (_root, { deliveryId }, ctx) => asResult(await redeliverWebhook(ctx.em, idOf('WebhookDelivery', deliveryId)), (delivery) => ({ delivery })),
  }),
);
