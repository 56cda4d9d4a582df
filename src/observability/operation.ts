import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { onStreamEnd } from './streams.js';

/**
 * What one request (HTTP) or one operation (graphql-ws) did, filled in as it runs and logged as
 * one line when it ends. It travels in yoga's server context as `record`.
 */
export interface OperationRecord {
  requestId: string;
  transport: 'http' | 'ws';
  startedAt: number;
  method?: string;
  /** The path without its query string (a GET's query string holds the document and variables). */
  path?: string;
  operationName?: string;
  operationType?: string;
  /** The token's name. */
  actor?: string;
  /** extensions.code of each top-level error answered. */
  errorCodes: string[];
  /** Set while traced: called once when the record ends, with the HTTP status if any. */
  endTrace?: (status: number | undefined) => void;
}

/** A usable x-request-id from a client (or a proxy in front), else a new one. */
function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:@/+=-]{1,128}$/.test(value) ? value : randomUUID();
}

/**
 * Request logs, request metrics and the per-operation record, for one instance. Tracing adds
 * itself through `tracer` (only when OpenTelemetry is on).
 */
export class Observability {
  /**
   * The request lines' logger: the same destination, without the redaction pass. A request line
   * is built in `finish` from fixed fields that hold no secret (the token's name, never its
   * secret; never the document or its variables), and redaction was most of a line's cost
   * (about 14 of 22 us, with its wildcard paths), paid on every request.
   */
  private readonly requestLog: Logger;

  constructor(
    readonly logger: Logger,
    readonly metrics: Metrics,
    private readonly tracer?: { begin(record: OperationRecord, headers: IncomingMessage['headers']): void; run<T>(record: OperationRecord, fn: () => T): T },
  ) {
    this.requestLog = logger.child({}, { redact: [] });
  }

  /** Starts the record of an HTTP request: answers its x-request-id, logs it when the response ends. */
  httpRequest(request: IncomingMessage, response: ServerResponse): OperationRecord {
    const record: OperationRecord = {
      requestId: requestIdFrom(request.headers['x-request-id']),
      transport: 'http',
      startedAt: performance.now(),
      method: request.method,
      path: (request.url ?? '/').split('?')[0],
      errorCodes: [],
    };
    response.setHeader('x-request-id', record.requestId);
    this.tracer?.begin(record, request.headers);
    response.once('close', () => this.finish(record, response.statusCode));
    return record;
  }

  /** Starts the record of one graphql-ws operation; the socket's code calls `finish`. */
  wsOperation(request: IncomingMessage, operationName: string | null | undefined): OperationRecord {
    const record: OperationRecord = {
      requestId: randomUUID(),
      transport: 'ws',
      startedAt: performance.now(),
      operationName: operationName ?? undefined,
      errorCodes: [],
    };
    this.tracer?.begin(record, request.headers);
    return record;
  }

  /** Runs `fn` inside the record's trace, so that its SQL statements join it. */
  run<T>(record: OperationRecord, fn: () => T): T {
    return this.tracer ? this.tracer.run(record, fn) : fn();
  }

  finish(record: OperationRecord, status?: number): void {
    const durationMs = Math.round((performance.now() - record.startedAt) * 100) / 100;
    const ok = record.errorCodes.length === 0 && (status === undefined || status < 400);
    record.endTrace?.(status);
    record.endTrace = undefined;
    const graphql = record.operationType !== undefined;
    if (graphql && record.operationType !== 'subscription') this.metrics.requestDone(record.operationType!, ok, durationMs / 1000);
    const fields = {
      requestId: record.requestId,
      transport: record.transport,
      method: record.method,
      path: record.path,
      status,
      operationName: record.operationName ?? null,
      operationType: record.operationType,
      actor: record.actor ?? null,
      durationMs,
      outcome: ok ? 'ok' : 'error',
      errors: record.errorCodes.length > 0 ? record.errorCodes : undefined,
    };
    // GraphQL requests at info; health checks, scrapes and dashboard files only at debug.
    if (graphql || record.path === '/graphql' || record.transport === 'ws') this.requestLog.info(fields, 'request');
    else this.requestLog.debug(fields, 'request');
  }

  /**
   * Fills the record from yoga's pipeline: the operation, the caller, the errors answered; and
   * counts subscriptions over SSE (graphql-ws counts its own, after sharing, in graphql-ws.ts).
   */
  plugin(): Plugin<{ record?: OperationRecord; principal?: { name: string } }> {
    const metrics = this.metrics;
    return {
      onParse: ({ context }) => {
        const record = context.record;
        if (!record) return;
        return ({ result }) => {
          if (isDocument(result)) describeOperation(record, result, context.params?.operationName ?? undefined);
        };
      },
      onContextBuilding: () => ({ context }) => {
        if (context.record && context.principal) context.record.actor = context.principal.name;
      },
      onSubscribe: ({ args }) => {
        const record = (args.contextValue as { record?: OperationRecord }).record;
        if (record?.transport !== 'http') return;
        return {
          onSubscribeResult: ({ result, setResult }) => {
            if (isAsyncIterable(result)) setResult(onStreamEnd(result, metrics.subscriptionOpened('sse')) as never);
          },
        };
      },
      onResultProcess: ({ result, serverContext }) => {
        const record = (serverContext as { record?: OperationRecord }).record;
        if (!record || isAsyncIterable(result)) return;
        for (const single of Array.isArray(result) ? result : [result]) recordErrors(record, single);
      },
    };
  }
}

export function describeOperation(record: OperationRecord, document: DocumentNode, operationName: string | undefined): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  record.operationType = operation.operation;
  record.operationName = operation.name?.value ?? operationName;
}

export function recordErrors(record: OperationRecord, result: ExecutionResult | { errors?: readonly { extensions?: Record<string, unknown> }[] }): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    record.errorCodes.push(typeof code === 'string' ? code : 'GRAPHQL_ERROR');
  }
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document';
}
