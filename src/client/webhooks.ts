import {
  CreateWebhookDocument,
  DeleteWebhookDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookDocument,
  WebhookDeliveriesDocument,
  WebhooksDocument,
  type DeliveryFieldsFragment,
  type WebhookDeliveryStatus,
  type WebhookEvent,
  type WebhookFieldsFragment,
} from './generated/graphql.js';
import type { execute } from './http.js';
import { failure, fromUnion, mapResult, notFound, success, type NotFoundError, type Result } from './result.js';

export type Webhook = WebhookFieldsFragment;
export type WebhookDelivery = DeliveryFieldsFragment;
export type { WebhookDeliveryStatus, WebhookEvent };

type Request = <TData, TVariables>(document: Parameters<typeof execute<TData, TVariables>>[1], variables: TVariables) => Promise<Result<TData>>;
interface Paged<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}
interface Paging {
  allPages: <T, E>(fetchPage: (after: string | undefined) => Promise<Result<Paged<T>, E>>) => Promise<Result<T[], E>>;
  toPage: <T>(connection: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }) => Paged<T>;
  pageSize: number;
}

/** Webhooks and their delivery log (ADMIN). Secrets come back only from create and rotateSecret. */
export function webhookMethods(request: Request, { allPages, toPage, pageSize }: Paging) {
  return {
    /** Every webhook, oldest first. */
    list: () => allPages((after) => request(WebhooksDocument, { first: pageSize, after }).then((r) => mapResult(r, (d) => toPage(d.webhooks)))),
    /** The secret is in the result this once. */
    create: async (url: string, options: { events?: WebhookEvent[]; model?: string; description?: string } = {}) =>
      unwrap(await request(CreateWebhookDocument, { url, ...options }), (d) => fromUnion(d.createWebhook)),
    update: async (id: string, patch: { url?: string; events?: WebhookEvent[]; active?: boolean; description?: string | null }) =>
      unwrap(await request(UpdateWebhookDocument, { id, ...patch }), (d) => fromUnion(d.updateWebhook)),
    delete: async (id: string) => unwrap(await request(DeleteWebhookDocument, { id }), (d) => fromUnion(d.deleteWebhook)),
    /** A new secret (shown this once); the old one still signs beside it for 24 hours. */
    rotateSecret: async (id: string) => unwrap(await request(RotateWebhookSecretDocument, { id }), (d) => fromUnion(d.rotateWebhookSecret)),
    /** The webhook's messages, newest first; `status` keeps those in one status. */
    deliveries: (id: string, filter: { status?: WebhookDeliveryStatus } = {}) =>
      allPages(async (after): Promise<Result<Paged<WebhookDelivery>, NotFoundError>> =>
        unwrap(await request(WebhookDeliveriesDocument, { id, first: pageSize, after, status: filter.status }), (d) =>
          d.node?.__typename === 'Webhook' ? success(toPage(d.node.deliveries)) : failure(notFound(`no webhook with id ${JSON.stringify(id)}`)))),
    /** Sends one message again now, out of turn, with the same webhook-id. */
    redeliver: async (deliveryId: string) => unwrap(await request(RedeliverWebhookDocument, { deliveryId }), (d) => fromUnion(d.redeliverWebhook)),
  };
}

function unwrap<T, E, U, F>(result: Result<T, E>, next: (value: T) => Result<U, F>): Result<U, E | F> {
  return result.ok ? next(result.value) : result;
}
