import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api';
import { actionError, describeDelivery, describeWebhook, eventLabel, type WebhookActionAnswer, type WebhookView } from '../state/webhooks';
import { When } from './bits';

/** Deliveries change without an event the page could subscribe to: the list is read again this often. */
const POLL_MS = 4_000;

/**
 * ADMIN: every webhook with its newest deliveries (status, attempts, last error), Redeliver for
 * a delivery, and Enable for a webhook that was disabled (after its last retry failed, or a 410).
 */
export function WebhooksPage(props: { api: Api; now: number }) {
  const { api, now } = props;
  const [webhooks, setWebhooks] = useState<WebhookView[] | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>();

  const reload = () =>
    api.webhooks().then(
      (list) => {
        setWebhooks(list);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [api]);

  const act = async (key: string, done: string, action: () => Promise<WebhookActionAnswer>) => {
    setBusy(key);
    try {
      const failed = actionError(await action());
      setNotice(failed ?? done);
    } catch (e) {
      setNotice((e as Error).message);
    }
    await reload();
    setBusy(null);
  };

  return (
    <section class="webhooks" aria-labelledby="webhooks-title">
      <div class="toolbar">
        <h2 id="webhooks-title">Webhooks</h2>
        <button type="button" class="secondary" onClick={() => void reload()}>
          Refresh
        </button>
        <p class="note" role="status">
          {notice}
        </p>
      </div>
      {error && (
        <p class="error" role="alert">
          Could not load webhooks: {error}
        </p>
      )}
      {webhooks?.length === 0 && (
        <p class="note">
          No webhooks yet. Create one with <code>modelstage webhook create URL</code>.
        </p>
      )}
      <div class="grid">
        {webhooks?.map((webhook) => (
          <article key={webhook.id} class={`card webhook${webhook.active ? '' : ' inactive'}`} data-webhook={webhook.url} data-active={String(webhook.active)}>
            <header class="webhook-head">
              <h3 class="webhook-url">{webhook.url}</h3>
              {webhook.active ? (
                <button type="button" class="secondary" disabled={busy !== null} onClick={() => void act(webhook.id, 'Webhook disabled.', () => api.setWebhookActive(webhook.id, false))}>
                  Disable
                </button>
              ) : (
                <button type="button" disabled={busy !== null} onClick={() => void act(webhook.id, 'Webhook enabled: its waiting messages go out in order.', () => api.setWebhookActive(webhook.id, true))}>
                  Enable
                </button>
              )}
            </header>
            {webhook.description && <p class="description">{webhook.description}</p>}
            <p class="webhook-state">{describeWebhook(webhook)}</p>
            <ul class="tags" aria-label="Events">
              {webhook.events.map((event) => (
                <li key={event}>{eventLabel(event)}</li>
              ))}
              <li>{webhook.model ? `model ${webhook.model.name}` : 'every model'}</li>
            </ul>
            {webhook.deliveries.length === 0 ? (
              <p class="muted">No deliveries yet.</p>
            ) : (
              <ol class="deliveries" aria-label={`Recent deliveries to ${webhook.url}`}>
                {webhook.deliveries.map((delivery) => (
                  <li key={delivery.id} data-delivery={delivery.messageId} data-status={delivery.status}>
                    <span class={`badge delivery-${delivery.status.toLowerCase()}`}>{delivery.status}</span>
                    <span class="delivery-event">{eventLabel(delivery.event)}</span>
                    <span class="muted">
                      <When iso={delivery.lastAttemptAt ?? delivery.createdAt} now={now} />
                    </span>
                    <button type="button" class="secondary" disabled={busy !== null} onClick={() => void act(delivery.id, 'Redelivery queued: it goes out now, out of turn.', () => api.redeliverWebhook(delivery.id))}>
                      Redeliver<span class="sr-only"> {delivery.messageId}</span>
                    </button>
                    <span class={`delivery-detail${delivery.status === 'FAILED' ? ' error' : ''}`}>{describeDelivery(delivery)}</span>
                  </li>
                ))}
              </ol>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
