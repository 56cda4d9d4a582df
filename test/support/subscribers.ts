import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { StageChangedDocument, type ChangeFragment, type StageChangedSubscription } from '../generated/graphql.js';
import { ADMIN_TOKEN, type Document } from './server.js';

/**
 * The tests' one way to subscribe: a real graphql-ws client or a real Server-Sent Events stream
 * (yoga's "distinct connections" mode, read by the one SSE parser below). Every subscriber both
 * queues what happens in order (`next()`) and collects the events' data (`events`, `waitFor`).
 */

/** One committed stage change as test/operations/subscriptions.graphql selects it. */
export type Change = ChangeFragment;

export type Outcome = { kind: 'event'; payload: any } | { kind: 'error'; payload: any } | { kind: 'closed'; code?: number; reason?: string } | { kind: 'complete' };

export interface Subscriber<TData = any> {
  /** The next outcome in order, or 'timeout' when nothing came within `ms`. */
  next(ms?: number): Promise<Outcome | 'timeout'>;
  /** The data of every event so far. */
  readonly data: TData[];
  /** The GraphQL errors and transport failures so far. */
  readonly errors: unknown[];
  /** Whether the stream ended (completed, closed or failed). */
  readonly completed: boolean;
  /** Resolves once `count` events arrived (rejects after the timeout, listing what came). */
  waitForData(count: number, timeoutMs?: number): Promise<TData[]>;
  /** Resolves when the server took the subscription: graphql-ws acknowledged, or the SSE response began (its status). */
  readonly ready: Promise<number | undefined>;
  close(): Promise<void>;
}

export type Transport = 'graphql-ws' | 'SSE';

export interface SubscribeOptions {
  /** The whole Authorization value (`Bearer …`); undefined sends none. */
  authorization?: string;
  /** graphql-ws only: subscribe over this open connection (twin subscriptions) instead of a new one. */
  connection?: Client;
}

/** One recorder of outcomes, shared by both transports. */
function recorder<TData>(close: () => Promise<void>, ready: Promise<number | undefined>): Subscriber<TData> & { push(outcome: Outcome): void } {
  const queued: Outcome[] = [];
  const waiting: ((outcome: Outcome) => void)[] = [];
  const wakers = new Set<() => void>();
  const state = {
    data: [] as TData[],
    errors: [] as unknown[],
    completed: false,
    ready,
    close,
    push(outcome: Outcome) {
      if (outcome.kind === 'event') state.data.push(outcome.payload.data);
      else if (outcome.kind === 'error') state.errors.push(outcome.payload);
      else state.completed = true;
      for (const wake of wakers) wake();
      if (waiting.length > 0) waiting.shift()!(outcome);
      else queued.push(outcome);
    },
    next(ms = 5_000): Promise<Outcome | 'timeout'> {
      if (queued.length > 0) return Promise.resolve(queued.shift()!);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1);
          resolve('timeout');
        }, ms);
        const take = (outcome: Outcome) => (clearTimeout(timer), resolve(outcome));
        waiting.push(take);
      });
    },
    async waitForData(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.data.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${state.data.length}: ${JSON.stringify(state.data)}`);
        await new Promise<void>((resolve) => {
          const wake = () => (wakers.delete(wake), resolve());
          wakers.add(wake);
          setTimeout(wake, 50);
        });
      }
      return state.data;
    },
  };
  return state;
}

/** Subscribes `document` over `transport`; returns at once (await `ready` for the server's answer). */
export function subscribe<TData = any, TVariables = Record<string, unknown>>(
  transport: Transport,
  url: string,
  document: Document<TData, TVariables>,
  variables: TVariables,
  options: SubscribeOptions = {},
): Subscriber<TData> {
  return transport === 'SSE' ? sse(url, document, variables, options.authorization) : graphqlWs(url, document, variables, options);
}

/** A graphql-ws connection as a client opens one: `ws` as the socket, the token in the connection params. */
export function wsConnection(url: string, authorization?: string, on: { closed?: (event: unknown) => void; connected?: () => void } = {}): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization === undefined ? {} : { authorization },
    on,
  });
}

function graphqlWs<TData>(url: string, document: Document<TData, any>, variables: unknown, options: SubscribeOptions): Subscriber<TData> {
  let acknowledged!: (value: undefined) => void;
  let refused!: (error: Error) => void;
  const ready = new Promise<undefined>((resolve, reject) => ((acknowledged = resolve), (refused = reject)));
  ready.catch(() => undefined);
  const closed = (event: unknown) => {
    const { code, reason } = event as { code?: number; reason?: string };
    refused(new Error(`closed: ${code}`));
    subscriber.push({ kind: 'closed', code, reason });
  };
  const client = options.connection ?? wsConnection(url, options.authorization, { closed, connected: () => acknowledged(undefined) });
  if (options.connection) acknowledged(undefined);
  const subscriber = recorder<TData>(async () => void (options.connection ? undefined : await client.dispose()), ready);
  client.subscribe(
    { query: String(document), variables: variables as Record<string, unknown> },
    {
      next: (payload) => subscriber.push(payload.errors ? { kind: 'error', payload: payload.errors } : { kind: 'event', payload }),
      error: (error) => subscriber.push(Array.isArray(error) ? { kind: 'error', payload: error } : { kind: 'closed', code: (error as { code?: number }).code }),
      complete: () => subscriber.push({ kind: 'complete' }),
    },
  );
  return subscriber;
}

/** GraphQL over Server-Sent Events: a POST that accepts text/event-stream, read event by event. */
function sse<TData>(url: string, document: Document<TData, any>, variables: unknown, authorization?: string): Subscriber<TData> {
  const abort = new AbortController();
  const ready = fetch(url, {
    method: 'POST',
    signal: abort.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query: String(document), variables }),
  }).then((response) => {
    void readEvents(response, subscriber.push);
    return response.status;
  });
  const subscriber = recorder<TData>(async () => abort.abort(), ready);
  ready.catch((error) => subscriber.push({ kind: 'closed', reason: String(error) }));
  return subscriber;
}

/** The one SSE parser: blocks end at a blank line; `event: complete` ends the stream; data lines join. */
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

/** A subscriber of stage changes, its events flattened to the changes. */
export interface Collector<T = Change> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** `stageChanged` (or `document`) over `transport`, once the server took it; events are the changes. */
export async function stageChanges(
  transport: Transport,
  url: string,
  variables: Record<string, unknown> = {},
  token = ADMIN_TOKEN,
  document: Document<StageChangedSubscription, any> = StageChangedDocument,
): Promise<Collector> {
  const subscriber = subscribe(transport, url, document, variables, { authorization: `Bearer ${token}` });
  const status = await subscriber.ready;
  if (status !== undefined && (status < 200 || status > 299)) throw new Error(`SSE refused: ${status}`);
  // The subscription is registered on the server shortly after the answer; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const changes = (data: StageChangedSubscription[]) => data.map((d) => d.stageChanged);
  return {
    get events() {
      return changes(subscriber.data);
    },
    errors: subscriber.errors,
    get completed() {
      return subscriber.completed;
    },
    waitFor: async (count, timeoutMs) => changes(await subscriber.waitForData(count, timeoutMs)),
    close: subscriber.close,
  };
}

/** A real graphql-ws client subscribed to stageChanged; resolves once the server acknowledged. */
export const wsSubscribe = (url: string, variables?: Record<string, unknown>, token?: string, document?: Document<StageChangedSubscription, any>) =>
  stageChanges('graphql-ws', url, variables, token, document);

/** A real Server-Sent Events subscription to stageChanged; resolves once the stream began. */
export const sseSubscribe = (url: string, variables?: Record<string, unknown>, token?: string) => stageChanges('SSE', url, variables, token);
