/**
 * Issue 13's cost of webhooks on promotions: a receiver on 127.0.0.1 that answers 200 to every
 * POST, and N active webhooks for STAGE_CHANGED pointing at it, registered through the service
 * (as createWebhook does) so that the outbox rows each promotion writes are the real ones.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openOrm } from '../../src/db/orm.js';
import { createWebhook } from '../../src/services/webhooks.js';
import { withClient } from './database.js';

export interface Receiver {
  url: string;
  /** POSTs answered so far. */
  received(): number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let received = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'POST') received += 1;
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received: () => received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** N active webhooks for every model's STAGE_CHANGED; private targets allowed, as the server must be. */
export async function registerWebhooks(databaseUrl: string, url: string, count: number): Promise<void> {
  const orm = await openOrm(databaseUrl, 1);
  try {
    for (let i = 1; i <= count; i += 1) {
      const created = await createWebhook(orm.em.fork(), { url, events: ['stage_changed'], description: `bench receiver ${i}` }, true);
      if (!('secret' in created)) throw new Error(`could not create a webhook: ${created.message}`);
    }
  } finally {
    await orm.close();
  }
}

/** Outbox rows by status: whether the dispatcher kept up with the promotions or left a backlog. */
export async function deliveryCounts(databaseUrl: string): Promise<Record<string, number>> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ status: string; count: string }>('select status, count(*)::text as count from webhook_delivery group by status');
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  });
}
