/** The Webhooks page's view of the API (ADMIN): webhooks with their newest deliveries. */

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface DeliveryView {
  id: string;
  event: string;
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
  model: { name: string } | null;
  deliveries: DeliveryView[];
}

/** The answer of updateWebhook or redeliverWebhook: success, or the error's message. */
export interface WebhookActionAnswer {
  __typename: string;
  message?: string;
}

export function actionError(answer: WebhookActionAnswer): string | null {
  return answer.__typename.endsWith('Success') ? null : (answer.message ?? `unexpected answer: ${answer.__typename}`);
}

/** One delivery in words: where it stands, and why its last attempt failed. */
export function describeDelivery(delivery: DeliveryView): string {
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  const last = delivery.lastError ?? (delivery.lastResponseStatus !== null ? `HTTP ${delivery.lastResponseStatus}` : null);
  switch (delivery.status) {
    case 'DELIVERED':
      return `Delivered after ${attempts}${delivery.lastResponseStatus !== null ? ` (HTTP ${delivery.lastResponseStatus})` : ''}.`;
    case 'FAILED':
      return `Failed after ${attempts}${last ? `: ${last}` : ''}.`;
    case 'PENDING':
      if (delivery.attempts === 0) return 'Waiting for its first attempt.';
      return `Retrying after ${attempts}${last ? ` (last: ${last})` : ''}.`;
  }
}

/** The webhook's state in a few words: why it may be off, and how many of its shown messages wait or failed. */
export function describeWebhook(webhook: WebhookView): string {
  const failed = webhook.deliveries.filter((d) => d.status === 'FAILED').length;
  const pending = webhook.deliveries.filter((d) => d.status === 'PENDING').length;
  const parts = [webhook.active ? 'Active' : 'Disabled: nothing is sent until it is enabled'];
  if (failed) parts.push(`${failed} failed`);
  if (pending) parts.push(`${pending} waiting`);
  return parts.join(' · ');
}

/** Event names as the CLI spells them (`stage_changed`), easier to read than the enum. */
export function eventLabel(event: string): string {
  return event.toLowerCase();
}
