import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seedModel, setStage, createVersion } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ subscriberQueueLimit: 50 });
});
afterAll(() => server?.stop());

/** A graphql-transport-ws client written out by hand, so that it can stop reading its socket. */
async function stalledSubscriber(query: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${ADMIN_TOKEN}` } }));
  await new Promise<void>((resolve) => socket.on('message', (data) => String(data).includes('connection_ack') && resolve()));
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
  await new Promise((resolve) => setTimeout(resolve, 200));
  // Stop reading: the kernel buffers fill, then the server's sends stall.
  (socket as unknown as { _socket: { pause(): void } })._socket.pause();
  return { socket, closed };
}

describe('a subscriber that stops reading', () => {
  it('is cut off once it falls too far behind, and the server lets go of it', async () => {
    await seedModel(server, 'flood');
    const metadata = { blob: 'x'.repeat(60_000) }; // large events fill the socket buffers quickly
    await createVersion(server, 'flood', { metadata });
    await createVersion(server, 'flood', { metadata });
    const { socket, closed } = await stalledSubscriber('subscription { stageChanged(name: "flood") { cursor modelVersion { metadata } } }');
    expect(server.app.feed.subscriberCount).toBe(1);

    let promotions = 0;
    while (server.app.feed.subscriberCount > 0 && promotions < 1_500) {
      await setStage(server, 'flood', String((promotions % 2) + 1), 'PRODUCTION', true);
      promotions += 1;
    }
    expect(server.app.feed.subscriberCount).toBe(0);
    // Cut off after the queue limit (50) plus what the socket buffers held: a bounded amount,
    // not the whole flood. Without the limit it would never be cut off.
    expect(promotions).toBeLessThan(400);
    // The socket is closed for it (terminated if the close frame cannot get through).
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([1008, 1006]).toContain(await closed);
  });
});
