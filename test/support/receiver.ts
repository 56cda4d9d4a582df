import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body. */
  message: { type: string; timestamp: string; data: Record<string, any> };
  at: number;
}

/** What the receiver answers to one request: a status, after an optional delay. */
export type Answer = { status: number; delayMs?: number; body?: string; headers?: Record<string, string> };

export interface Receiver {
  url: string;
  received: Received[];
  /** Changes the answer to later requests (given the number of the request, from 1). */
  answer(next: (received: Received, count: number) => Answer): void;
  /** Resolves once `count` requests arrived; rejects after the timeout, listing what came. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 and a free port, answering 200 unless told otherwise. */
export async function startReceiver(answer: (received: Received, count: number) => Answer = () => ({ status: 200 })): Promise<Receiver> {
  const received: Received[] = [];
  let respond = answer;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const entry: Received = { headers: request.headers, body, message: JSON.parse(body) as Received['message'], at: Date.now() };
      received.push(entry);
      const { status, delayMs = 0, body: answerBody = '', headers = {} } = respond(entry, received.length);
      const timer = setTimeout(() => {
        response.writeHead(status, headers);
        response.end(answerBody);
      }, delayMs);
      response.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (next) => (respond = next),
    waitFor: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${received.length}: ${received.map((r) => r.body).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns a value other than undefined (or the time is up). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
