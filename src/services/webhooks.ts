import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook, WebhookDelivery, type DeliveryStatus, type WebhookEventName } from '../entities/index.js';
import { checkTarget, parseWebhookUrl } from '../webhooks/address-guard.js';
import { WEBHOOK_CHANNEL } from '../webhooks/channels.js';
import { newWebhookSecret, ROTATION_OVERLAP_MS } from '../webhooks/signature.js';
import { BadRequestError, NotFoundError, ValidationError } from './errors.js';
import { findModel, modelNotFound } from './models.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';
import { checkText } from './validation.js';

export interface WebhookInput {
  url: string;
  events?: readonly WebhookEventName[] | null;
  model?: string | null;
  description?: string | null;
}

export interface WebhookPatch {
  url?: string | null;
  events?: readonly WebhookEventName[] | null;
  active?: boolean | null;
  description?: string | null;
}

/** What the caller gets once: the webhook and its signing secret. */
export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

/**
 * A URL a webhook may target: http or https, at most 2,048 characters, and (unless
 * `allowPrivate`) a host that is not and does not resolve to a refused address. A host that
 * does not resolve now is accepted: every attempt checks again before it connects.
 */
async function checkUrl(url: string, allowPrivate: boolean): Promise<ValidationError | undefined> {
  const parsed = parseWebhookUrl(url);
  if (typeof parsed === 'string') return new ValidationError(parsed, 'url');
  const checked = await checkTarget(parsed, allowPrivate);
  if (!checked.ok && checked.refused) return new ValidationError(`url refused: ${checked.reason}`, 'url');
  return undefined;
}

function checkEvents(events: readonly WebhookEventName[] | null | undefined): ValidationError | undefined {
  return events && events.length === 0 ? new ValidationError('events must name at least one event', 'events') : undefined;
}

export async function createWebhook(em: EntityManager, input: WebhookInput, allowPrivate: boolean): Promise<WebhookWithSecret | NotFoundError | ValidationError> {
  const invalid = checkEvents(input.events) ?? checkText(input.description, 'description') ?? (await checkUrl(input.url, allowPrivate));
  if (invalid) return invalid;
  return em.fork().transactional(async (tx) => {
    const model = input.model != null ? await findModel(tx, input.model) : null;
    if (input.model != null && !model) return modelNotFound(input.model);
    const secret = newWebhookSecret();
    const webhook = tx.create(Webhook, {
      url: input.url,
      events: [...new Set<WebhookEventName>(input.events ?? ['stage_changed'])],
      model,
      description: input.description ?? null,
      secret,
    });
    await tx.flush();
    return { webhook, secret };
  });
}

export async function updateWebhook(em: EntityManager, id: WebhookId, patch: WebhookPatch, allowPrivate: boolean): Promise<Webhook | NotFoundError | ValidationError> {
  const invalid =
    checkEvents(patch.events) ??
    checkText(patch.description, 'description') ??
    (patch.url === null ? new ValidationError('url cannot be cleared', 'url') : undefined) ??
    (patch.url != null ? await checkUrl(patch.url, allowPrivate) : undefined);
  if (invalid) return invalid;
  return em.fork().transactional(async (tx) => {
    const webhook = await findWebhook(tx, id);
    if (!webhook) return webhookNotFound(id);
    if (patch.url != null) webhook.url = patch.url;
    if (patch.events != null) webhook.events = [...new Set(patch.events)];
    if (patch.description !== undefined) webhook.description = patch.description;
    const enabled = patch.active === true && !webhook.active;
    if (patch.active != null) webhook.active = patch.active;
    await tx.flush();
    // Its waiting messages go out in order, now.
    if (enabled) await tx.execute('select pg_notify(?, ?)', [WEBHOOK_CHANNEL, '']);
    return webhook;
  });
}

/** Deletes a webhook with its messages (the pending ones are dropped). */
export async function deleteWebhook(em: EntityManager, id: WebhookId): Promise<Webhook | NotFoundError> {
  return em.fork().transactional(async (tx) => {
    const webhook = await findWebhook(tx, id);
    if (!webhook) return webhookNotFound(id);
    await tx.nativeDelete(Webhook, { id: webhook.id });
    return webhook;
  });
}

/** A new secret; the old one keeps signing beside it for 24 hours, so receivers can switch over. */
export async function rotateWebhookSecret(em: EntityManager, id: WebhookId): Promise<WebhookWithSecret | NotFoundError> {
  return em.fork().transactional(async (tx) => {
    const webhook = await findWebhook(tx, id);
    if (!webhook) return webhookNotFound(id);
    const secret = newWebhookSecret();
    webhook.previousSecret = webhook.secret;
    webhook.previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_MS);
    webhook.secret = secret;
    await tx.flush();
    return { webhook, secret };
  });
}

/** Asks for one more attempt of a message, now and out of turn, whatever its status. */
export async function redeliverWebhook(em: EntityManager, deliveryId: WebhookId): Promise<WebhookDelivery | NotFoundError> {
  return em.fork().transactional(async (tx) => {
    const [row] = isDatabaseId(deliveryId.id)
      ? await tx.execute(
          `update webhook_delivery set redeliver = true, status = 'pending', next_attempt_at = now() where id = ? returning *`,
          [deliveryId.id],
        )
      : [];
    if (!row) return new NotFoundError(`no webhook delivery with id ${JSON.stringify(deliveryId.given)}`);
    await tx.execute('select pg_notify(?, ?)', [WEBHOOK_CHANNEL, '']);
    return tx.map(WebhookDelivery, row);
  });
}

/** Webhooks, oldest first. */
export async function listWebhooks(em: EntityManager, args: { first?: number | null; after?: string | null }): Promise<Page<Webhook>> {
  const limit = pageSize(args.first);
  const after = args.after == null ? undefined : idCursor('webhook', args.after);
  const rows = await em.find(Webhook, after !== undefined ? { id: { $gt: after } } : {}, { orderBy: { id: 'asc' }, limit: limit + 1 });
  return toPage(rows, limit, (webhook) => encodeCursor('webhook', webhook.id), after !== undefined);
}

/** One webhook's messages, newest first (of one transaction's, the later change first). */
export async function listDeliveries(
  em: EntityManager,
  webhookId: string,
  args: { first?: number | null; after?: string | null; status?: DeliveryStatus | null },
): Promise<Page<WebhookDelivery>> {
  const limit = pageSize(args.first);
  const before = args.after == null ? undefined : idCursor('delivery', args.after);
  const rows = await em.find(
    WebhookDelivery,
    { webhook: webhookId, ...(args.status ? { status: args.status } : {}), ...(before !== undefined ? { id: { $lt: before } } : {}) },
    { orderBy: { id: 'desc' }, limit: limit + 1 },
  );
  return toPage(rows, limit, (delivery) => encodeCursor('delivery', delivery.id), before !== undefined);
}

function idCursor(kind: string, cursor: string): string {
  const key = decodeCursor(kind, cursor);
  if (!isDatabaseId(key)) throw new BadRequestError(`after is not a valid cursor for this list: ${JSON.stringify(cursor.slice(0, 100))}`);
  return key;
}

function isDatabaseId(id: string | undefined): id is string {
  return id !== undefined && /^\d{1,18}$/.test(id);
}

/** A database id (undefined when the global id given named nothing of the kind) and the id as given. */
export interface WebhookId {
  id: string | undefined;
  given: string;
}

function findWebhook(tx: EntityManager, { id }: WebhookId): Promise<Webhook | null> {
  return isDatabaseId(id) ? tx.findOne(Webhook, { id }) : Promise.resolve(null);
}

function webhookNotFound({ given }: WebhookId): NotFoundError {
  return new NotFoundError(`no webhook with id ${JSON.stringify(given)}`);
}
