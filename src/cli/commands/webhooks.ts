import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ModelstageClient, OutcomeError, Result, Webhook, WebhookDelivery, WebhookDeliveryStatus, WebhookEvent } from '../../client/index.js';
import { printJson, printTable } from '../output.js';

const EVENTS = ['stage_changed', 'version_created', 'promotion_request_updated'];
const STATUSES = ['pending', 'delivered', 'failed'];

interface Context {
  client: ModelstageClient;
  json: boolean;
  options: Record<string, any>;
}

/** The program's own action wrapper and result printer (see program.ts). */
export interface CommandKit {
  action: <A extends unknown[]>(run: (context: Context, ...args: A) => Promise<number | undefined>) => (...args: unknown[]) => Promise<void>;
  report: <T>(result: Result<T, OutcomeError>, json: boolean, print: (value: T) => void) => number;
}

function eventsArg(value: string): WebhookEvent[] {
  const events = value.split(',').map((event) => event.trim().toLowerCase()).filter(Boolean);
  if (!events.length || events.some((event) => !EVENTS.includes(event))) throw new InvalidArgumentError(`expected a comma-separated list of ${EVENTS.join(', ')}`);
  return events.map((event) => event.toUpperCase() as WebhookEvent);
}

function statusArg(value: string): WebhookDeliveryStatus {
  const status = value.trim().toLowerCase();
  if (!STATUSES.includes(status)) throw new InvalidArgumentError(`expected one of ${STATUSES.join(', ')} (any case)`);
  return status.toUpperCase() as WebhookDeliveryStatus;
}

function booleanArg(value: string): boolean {
  if (value !== 'true' && value !== 'false') throw new InvalidArgumentError('expected true or false');
  return value === 'true';
}

/** A webhook as `webhook list --json` prints it: the model by name. */
function webhookRecord(webhook: Webhook) {
  return { id: webhook.id, url: webhook.url, events: webhook.events, model: webhook.model?.name ?? null, active: webhook.active, description: webhook.description, createdAt: webhook.createdAt };
}

function deliveryRecord(delivery: WebhookDelivery) {
  const { id, messageId, event, status, attempts, lastResponseStatus, lastError, createdAt, deliveredAt, lastAttemptAt, nextAttemptAt } = delivery;
  return { id, messageId, event, status, attempts, lastResponseStatus, lastError, createdAt, deliveredAt, lastAttemptAt, nextAttemptAt };
}

/** The secret alone on stdout (so `$(modelstage webhook create …)` captures it), the rest on stderr. */
function printSecret({ webhook, secret }: { webhook: Webhook; secret: string }, json: boolean, what: string): void {
  if (json) return printJson({ ...webhookRecord(webhook), secret });
  console.log(secret);
  process.stderr.write(`${what} webhook ${webhook.id} (${webhook.url}); this signing secret is not shown again.\n`);
}

/** `modelstage webhook …` (needs the admin scope). */
export function registerWebhookCommands(program: Command, { action, report }: CommandKit): void {
  const webhook = program.command('webhook').description('webhooks: signed HTTP messages for registry events (needs the admin scope)');
  const eventsOption = () => new Option('--event <events>', `comma-separated: ${EVENTS.join(',')}`).argParser(eventsArg);

  webhook
    .command('create')
    .description('register a webhook; prints its signing secret, shown this once')
    .argument('<url>', 'http or https URL that receives the messages')
    .addOption(eventsOption())
    .option('--model <name>', "only this model's events")
    .option('--description <text>', 'what it is for')
    .action(action(async ({ client, json, options }, url: string) =>
      report(await client.webhooks.create(url, { events: options.event, model: options.model, description: options.description }), json, (created) =>
        printSecret(created, json, 'Created'))));

  webhook
    .command('list')
    .description('list webhooks, oldest first (never their secrets)')
    .action(action(async ({ client, json }) =>
      report(await client.webhooks.list(), json, (webhooks) =>
        json
          ? printJson(webhooks.map(({ id, url, events, model, active }) => ({ id, url, events, model: model?.name ?? null, active })))
          : printTable(['ID', 'URL', 'EVENTS', 'MODEL', 'ACTIVE'], webhooks.map((w) => [w.id, w.url, w.events.join(','), w.model?.name ?? '*', String(w.active)])))));

  webhook
    .command('update')
    .description('change a webhook; --active true sends the messages that waited, in order')
    .argument('<id>', 'the webhook id (see `webhook list`)')
    .option('--url <url>', 'a new URL')
    .addOption(eventsOption())
    .addOption(new Option('--active <boolean>', 'true or false').argParser(booleanArg))
    .option('--description <text>', 'a new description')
    .action(action(async ({ client, json, options }, id: string) =>
      report(await client.webhooks.update(id, { url: options.url, events: options.event, active: options.active, description: options.description }), json, ({ webhook: updated }) =>
        json ? printJson(webhookRecord(updated)) : console.log(`Updated webhook ${updated.id} (${updated.active ? 'active' : 'inactive'}).`))));

  webhook
    .command('delete')
    .description('delete a webhook; its pending messages are dropped')
    .argument('<id>', 'the webhook id')
    .action(action(async ({ client, json }, id: string) =>
      report(await client.webhooks.delete(id), json, (deleted) => (json ? printJson(deleted) : console.log(`Deleted webhook ${deleted.deletedId}.`)))));

  webhook
    .command('rotate-secret')
    .description('give a webhook a new signing secret (the old one still signs beside it for 24 hours)')
    .argument('<id>', 'the webhook id')
    .action(action(async ({ client, json }, id: string) =>
      report(await client.webhooks.rotateSecret(id), json, (rotated) => printSecret(rotated, json, 'Rotated the secret of'))));

  webhook
    .command('deliveries')
    .description("a webhook's messages, newest first, with what became of their attempts")
    .argument('<id>', 'the webhook id')
    .addOption(new Option('--status <status>', `only ${STATUSES.join(', ')} (any case)`).argParser(statusArg))
    .action(action(async ({ client, json, options }, id: string) =>
      report(await client.webhooks.deliveries(id, { status: options.status }), json, (deliveries) =>
        json
          ? printJson(deliveries.map(({ id: deliveryId, messageId, event, status, attempts, lastResponseStatus, lastError, createdAt, deliveredAt }) =>
              ({ id: deliveryId, messageId, event, status, attempts, lastResponseStatus, lastError, createdAt, deliveredAt })))
          : printTable(
              ['ID', 'EVENT', 'STATUS', 'ATTEMPTS', 'LAST STATUS', 'CREATED', 'LAST ERROR'],
              deliveries.map((d) => [d.id, d.event, d.status, d.attempts, d.lastResponseStatus, d.createdAt, d.lastError]),
            ))));

  webhook
    .command('redeliver')
    .description('send one message again now, out of turn, with the same webhook-id')
    .argument('<delivery-id>', 'the delivery id (see `webhook deliveries`)')
    .action(action(async ({ client, json }, id: string) =>
      report(await client.webhooks.redeliver(id), json, ({ delivery }) =>
        json ? printJson(deliveryRecord(delivery)) : console.log(`Redelivering message ${delivery.messageId} (delivery ${delivery.id}).`))));
}
