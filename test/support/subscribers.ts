import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN_TOKEN } from './server.js';

export const CHANGE_FIELDS = 'cursor from to forced displaced actor transactionId occurredAt model { name } modelVersion { name number stage }';
export const STAGE_CHANGED = `subscription($name: String, $after: String) { stageChanged(name: $name, after: $after) { ${CHANGE_FIELDS} } }`;

export interface Change {
  cursor: string;
  from: string;
  to: string;
  forced: boolean;
  displaced: boolean;
  actor: string | null;
  transactionId: string;
  occurredAt: string;
  model: { name: string };
  modelVersion: { name: string; number: number; stage: string };
}

export interface Collector<T> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves once `count` events arrived (rejects after the timeout, listing what came). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

function collector<T>(close: () => Promise<void>): Collector<T> & { push(event: T): void } {
  const waiters = new Set<() => void>();
  const state = {
    events: [] as T[],
    errors: [] as unknown[],
    completed: false,
    push(event: T) {
      state.events.push(event);
      for (const wake of waiters) wake();
    },
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.events.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${state.events.length}: ${JSON.stringify(state.events)}`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
      return state.events;
    },
    close,
  };
  return state;
}

/** A real graphql-ws client subscribed to stageChanged; resolves once the server acknowledged. */
export async function wsSubscribe(url: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN, query = STAGE_CHANGED) {
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const events = collector<Change>(async () => void (await client.dispose()));
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`closed: ${(event as { code?: number }).code}`)));
    client.subscribe<{ stageChanged: Change }>(
      { query, variables },
      {
        next: (result) => (result.data ? events.push(result.data.stageChanged) : events.errors.push(result.errors)),
        error: (error) => events.errors.push(error),
        complete: () => (events.completed = true),
      },
    );
  });
  // The subscription is registered on the server shortly after the ack; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return events;
}

/** A real Server-Sent Events subscription over fetch, parsed by hand (yoga's "distinct connections" mode). */
export async function sseSubscribe(url: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN) {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: STAGE_CHANGED, variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE refused: ${response.status} ${await response.text()}`);
  const events = collector<Change>(async () => abort.abort());
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (!data) continue;
          const payload = JSON.parse(data) as { data?: { stageChanged: Change }; errors?: unknown[] };
          if (payload.data?.stageChanged) events.push(payload.data.stageChanged);
          else if (payload.errors) events.errors.push(payload.errors);
        }
      }
      events.completed = true;
    } catch {
      events.completed = true;
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 150));
  return events;
}
