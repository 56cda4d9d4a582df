import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import pg from 'pg';

/** One raw HTTP answer: status, headers and the parsed JSON body (or the text when it is not JSON). */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
  ms: number;
}

/** POSTs a body to the endpoint with exactly the given headers; times the round trip. */
export async function post(url: string, body: string | object, headers: Record<string, string> = {}): Promise<RawResponse> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    signal: AbortSignal.timeout(15_000),
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, ms };
}

/** Digests of every row of every table, over one open connection: equal digests mean nothing changed. */
export async function openDigest(databaseUrl: string): Promise<{ digest(): Promise<Record<string, string>>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tables = ['model', 'model_version', 'stage_change', 'api_token', 'stage_policy', 'promotion_request', 'promotion_review', 'promotion_request_event'];
  const selects = tables.map((table) => `(select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from "${table}" t) as "${table}"`);
  const text = `select ${selects.join(', ')}`;
  return { digest: async () => (await client.query<Record<string, string>>(text)).rows[0]!, close: () => client.end() };
}

export type Outcome = { kind: 'event'; payload: any } | { kind: 'error'; payload: any } | { kind: 'closed'; code?: number; reason?: string } | { kind: 'complete' };

/** A subscription over some transport: its outcomes in order, and a way to end it. */
export interface Subscription {
  /** The next outcome, or 'timeout' when nothing came within `ms`. */
  next(ms?: number): Promise<Outcome | 'timeout'>;
  close(): Promise<void>;
}

/** Queues pushed outcomes for `next()`. */
function outcomeQueue() {
  const queued: Outcome[] = [];
  let waiting: ((outcome: Outcome) => void) | undefined;
  return {
    push(outcome: Outcome) {
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve(outcome);
      } else queued.push(outcome);
    },
    next(ms = 5_000): Promise<Outcome | 'timeout'> {
      if (queued.length > 0) return Promise.resolve(queued.shift()!);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          resolve('timeout');
        }, ms);
        waiting = (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        };
      });
    },
  };
}

/** graphql-ws, as a client would use it: `ws` as the socket, the token in the connection params. */
export function wsSubscribe(wsUrl: string, query: string, variables: Record<string, unknown>, authorization?: string): Subscription {
  const queue = outcomeQueue();
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization === undefined ? {} : { authorization },
    on: { closed: (event) => queue.push({ kind: 'closed', code: (event as { code?: number }).code, reason: (event as { reason?: string }).reason }) },
  });
  client.subscribe(
    { query, variables },
    {
      next: (payload) => queue.push(payload.errors ? { kind: 'error', payload: payload.errors } : { kind: 'event', payload }),
      error: (error) => queue.push(Array.isArray(error) ? { kind: 'error', payload: error } : { kind: 'closed', code: (error as { code?: number }).code }),
      complete: () => queue.push({ kind: 'complete' }),
    },
  );
  return { next: queue.next, close: () => client.dispose() as Promise<void> };
}

/** GraphQL over Server-Sent Events: a POST that accepts text/event-stream, read event by event. */
export function sseSubscribe(url: string, query: string, variables: Record<string, unknown>, authorization?: string): Subscription & { status: Promise<number> } {
  const queue = outcomeQueue();
  const abort = new AbortController();
  const status = fetch(url, {
    method: 'POST',
    signal: abort.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query, variables }),
  }).then((response) => {
    void readEvents(response, queue.push);
    return response.status;
  });
  status.catch((error) => queue.push({ kind: 'closed', reason: String(error) }));
  return { status, next: queue.next, close: async () => abort.abort() };
}

async function readEvents(response: Response, push: (outcome: Outcome) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join('\n');
        if (event === 'complete') push({ kind: 'complete' });
        else if (data) {
          const payload = JSON.parse(data);
          push(payload.errors ? { kind: 'error', payload: payload.errors } : { kind: 'event', payload });
        }
      }
    }
    push({ kind: 'closed' });
  } catch {
    push({ kind: 'closed' });
  }
}
