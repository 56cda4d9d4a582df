import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws/client';

/** Close codes after which retrying cannot help: the token is missing, bad or revoked. */
const FATAL_CLOSE_CODES = new Set([4401, 4403]);

/**
 * The page's second websocket, for the live events that need no replay (new versions, promotion
 * requests): graphql-ws retries it with its own backoff, and every reconnection after the first
 * calls `onReconnected`, because what happened while it was down is not replayed: the page
 * reloads what it shows instead. (Stage changes have their own resuming watch, client/live.ts.)
 */
export interface LiveEvents {
  /** Follows one generated subscription (../operations/dashboard.graphql); returns its unsubscribe. */
  subscribe<T, V extends Record<string, unknown>>(document: DocumentTypeDecoration<T, V>, variables: V, onData: (data: T) => void): () => void;
  close(): void;
}

export function openLiveEvents(options: { url: string; token: string; onReconnected: () => void }): LiveEvents {
  let connections = 0;
  const client: Client = createClient({
    url: options.url.replace(/^http/, 'ws'),
    connectionParams: { authorization: `Bearer ${options.token}` },
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !FATAL_CLOSE_CODES.has((event as { code?: number })?.code ?? 0),
    // Failures show through the stage watch's status; the default would console.error them.
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        connections += 1;
        if (connections > 1) options.onReconnected();
      },
    },
  });
  return {
    subscribe: <T, V extends Record<string, unknown>>(document: DocumentTypeDecoration<T, V>, variables: V, onData: (data: T) => void) =>
      client.subscribe<T>(
        { query: String(document), variables },
        {
          next: ({ data }) => data && onData(data as T),
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    close: () => void client.dispose(),
  };
}
