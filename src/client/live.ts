// The client entry alone: the package's root also loads its server half, and graphql with it.
import { createClient, type Client } from 'graphql-ws/client';
import { LogHeadDocument, StageChangedDocument, type LogHeadQuery, type StageChangedSubscription } from './generated/graphql.js';

/** One committed stage change as the `stageChanged` subscription delivers it (generated type). */
export type StageChangeEvent = StageChangedSubscription['stageChanged'];

export type WatchStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface WatchOptions {
  /** The GraphQL endpoint, http(s):// or ws(s)://. */
  url: string;
  token: string;
  /** Only this model's changes. */
  name?: string;
  /** Start behind this cursor (replaying what came after it); by default the log's head when the watch starts. */
  after?: string;
  onChange: (change: StageChangeEvent) => void;
  onStatus?: (status: WatchStatus, detail?: string) => void;
  /** A WebSocket class; browsers have one, Node 20 needs the `ws` package's. */
  webSocketImpl?: unknown;
  /** Backoff bounds for reconnecting, in milliseconds. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

export interface Watch {
  /** The last cursor delivered (before any, where the watch started): where a resumed watch starts. */
  readonly cursor: string | undefined;
  close(): void;
}

/** The generated document of src/client/operations/subscriptions.graphql, as text. */
export const STAGE_CHANGED_SUBSCRIPTION = String(StageChangedDocument);
const LOG_HEAD_QUERY = String(LogHeadDocument);

/** Close codes after which retrying cannot help: the token is missing, bad or revoked. */
const FATAL_CLOSE_CODES = new Set([4401, 4403]);

/**
 * Watches stage changes and survives connection loss: each (re)connection subscribes again
 * with `after` set to the last cursor delivered, so nothing is lost; cursors at or below it are
 * dropped, so nothing is doubled. (graphql-ws' own retry would resend the first `after`.)
 * Without `after`, the first connection reads the log's head and subscribes behind it: a
 * subscription "from now" would lose what commits while a reconnect before the first change
 * is under way.
 */
export function watchStageChanges(options: WatchOptions): Watch {
  let cursor = options.after;
  let closed = false;
  let client: Client | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const url = options.url.replace(/^http/, 'ws');
  const status = (value: WatchStatus, detail?: string) => options.onStatus?.(value, detail);

  const connect = () => {
    if (closed) return;
    status(attempt === 0 ? 'connecting' : 'reconnecting');
    let fatal: string | undefined;
    const current = createClient({
      url,
      webSocketImpl: options.webSocketImpl,
      lazy: false,
      retryAttempts: 0,
      // Failures reach the subscription's error sink below; the default would console.error them.
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${options.token}` },
      on: {
        connected: () => {
          attempt = 0;
          status('live');
        },
        closed: (event) => {
          const { code, reason } = event as { code?: number; reason?: string };
          if (code !== undefined && FATAL_CLOSE_CODES.has(code)) fatal = reason || `closed with ${code}`;
        },
      },
    });
    client = current;
    // A lost connection is retried; GraphQL errors (an array: bad `after`, revoked token)
    // would only repeat, so they end the watch like the fatal close codes.
    const failed = (error: unknown) => retry(current, fatal ?? (Array.isArray(error) ? describe(error) : undefined), describe(error));
    const follow = (after: string) =>
      current.subscribe<{ stageChanged: StageChangeEvent }>(
        { query: STAGE_CHANGED_SUBSCRIPTION, variables: { name: options.name ?? null, after } },
        {
          next: ({ data, errors }) => {
            // The server refused the operation itself (a malformed `after`, a revoked token): it
            // completes right after, and retrying would only be refused again.
            if (errors?.length && !data) fatal = describe(errors);
            const change = data?.stageChanged;
            if (!change || BigInt(change.cursor) <= BigInt(cursor ?? after)) return;
            cursor = change.cursor;
            options.onChange(change);
          },
          error: failed,
          complete: () => retry(current, fatal),
        },
      );
    if (cursor !== undefined) {
      follow(cursor);
      return;
    }
    let head: string | undefined;
    current.subscribe<LogHeadQuery>(
      { query: LOG_HEAD_QUERY },
      {
        next: ({ data, errors }) => {
          if (data) head = data.stageChanges.edges.at(-1)?.cursor ?? '0';
          else fatal = describe(errors ?? []);
        },
        error: failed,
        // From here on the watch resumes behind the head, as if it had been given as `after`.
        complete: () => (head !== undefined ? follow((cursor = head)) : retry(current, fatal)),
      },
    );
  };

  const retry = (finished: Client, fatal: string | undefined, detail?: string) => {
    void finished.dispose();
    if (closed || client !== finished) return;
    if (fatal) {
      closed = true;
      status('closed', fatal);
      return;
    }
    const min = options.minRetryMs ?? 250;
    const delay = Math.min(options.maxRetryMs ?? 5_000, min * 2 ** attempt) * (0.75 + Math.random() / 2);
    attempt += 1;
    status('reconnecting', detail);
    timer = setTimeout(connect, delay);
  };

  connect();
  return {
    get cursor() {
      return cursor;
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      void client?.dispose();
      status('closed');
    },
  };
}

function describe(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  if (error instanceof Error) return error.message;
  const event = error as { code?: number; reason?: string; message?: string };
  if (event?.code !== undefined) return `connection closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`;
  // ws' ErrorEvent (e.g. connection refused) is no Error but carries a message.
  return typeof event?.message === 'string' ? event.message : String(error);
}
