import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationRecord } from '../observability/operation.js';
import type { Principal } from '../services/tokens.js';

/** What yoga's context factory starts from, on HTTP and on websockets. */
export interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  /** Set on the websocket path, where the connection was authenticated already. */
  principal?: Principal;
  /** Set with `principal`: the outcome of the freshness check made before it was authenticated. */
  fresh?: boolean;
  /** Cuts off a subscriber that stopped reading (closes its socket; on HTTP the response). */
  disconnectSlowConsumer?: () => void;
  /**
   * One execution shared by several websocket subscribers (live/multiplex.ts): it belongs to no
   * single token, since each member watches its own token's revocation.
   */
  shared?: boolean;
  /** What this request or operation did, for its log line, metrics and trace. */
  record?: OperationRecord;
}

export function clientAddress(request: IncomingMessage | undefined): string {
  return request?.socket.remoteAddress ?? 'unknown';
}
