import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, Kind, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { isAsyncIterable, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { recordErrors, type Observability, type OperationRecord } from '../observability/operation.js';
import { onStreamEnd } from '../observability/streams.js';
import type { Member, SubscriptionMultiplexer } from '../live/index.js';
import type { Authenticator } from '../services/auth.js';
import type { Principal } from '../services/tokens.js';
import type { Context } from '../schema/context.js';
import { clientAddress, type ServerContext } from './request.js';

export interface GraphqlWsOptions {
  yoga: YogaServerInstance<ServerContext, Context>;
  auth: Authenticator;
  /** The operation's freshness check (cache/freshness.ts), made before its token is checked. */
  fresh: () => Promise<boolean>;
  /** Groups live twins into one execution per event (live/multiplex.ts). */
  multiplexer: SubscriptionMultiplexer;
  clientError: (error: unknown) => GraphQLError;
  observability: Observability;
  /** Undelivered results a subscriber may have before it is cut off. */
  maxQueue: number;
}

/** What onSubscribe hands to execute/subscribe (by its arguments): yoga's enveloped functions and how to share. */
interface Operation {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
  /** Set for live subscriptions that may share one execution with their twins. */
  share?: { key: string; member: Member; createContext: () => unknown };
  /** This operation's log line and trace. */
  record: OperationRecord;
}

/**
 * graphql-ws on the server's /graphql path. Connections are authenticated on connect, and
 * again on every subscribe so that a revoked token stops at once. Live subscriptions with the
 * same document, variables and scopes share one execution per event (see multiplex.ts).
 */
export function attachGraphqlWs(wsServer: WebSocketServer, options: GraphqlWsOptions): { close: () => Promise<void> } {
  const { yoga, auth, multiplexer, clientError, observability, fresh } = options;
  type Extra = { socket: WebSocket; request: IncomingMessage };
  // graphql-ws hands execute/subscribe the very arguments onSubscribe returned: keyed by them,
  // each operation's enveloped functions travel beside it, not inside its root value.
  const operations = new WeakMap<ExecutionArgs, Operation>();
  const prepared = (args: ExecutionArgs, operation: Operation) => {
    operations.set(args, operation);
    return args;
  };
  // Each connection's operations in flight, by id, until graphql-ws completes them.
  const records = new WeakMap<object, Map<string, OperationRecord>>();
  const started = (ctx: object, id: string, record: OperationRecord) => {
    let open = records.get(ctx);
    if (!open) records.set(ctx, (open = new Map()));
    open.set(id, record);
  };
  const finished = (ctx: object, id: string) => {
    const record = records.get(ctx)?.get(id);
    if (!record) return;
    records.get(ctx)!.delete(id);
    observability.finish(record);
  };
  const refused = (ctx: object, id: string, errors: readonly GraphQLError[]) => {
    const record = records.get(ctx)?.get(id);
    if (record) recordErrors(record, { errors: errors.map((error) => ({ extensions: error.extensions })) });
    finished(ctx, id);
    return errors as GraphQLError[];
  };
  // Counted after sharing: each member of a shared execution is a subscription of its own.
  const counted = (result: unknown) =>
    isAsyncIterable(result) ? onStreamEnd(result, observability.metrics.subscriptionOpened('ws')) : result;
  // After a freshness check of its own, as on HTTP: a token revoked on any instance before the
  // connection or the operation arrived is refused here (the cache has heard the revocation).
  const authenticate = async (params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage) => {
    const value = params?.authorization ?? params?.Authorization;
    const isFresh = await fresh();
    return { principal: await auth.authenticate(typeof value === 'string' ? value : undefined, clientAddress(request), isFresh), fresh: isFresh };
  };

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      execute: (args) => {
        const root = operations.get(args)!;
        return observability.run(root.record, () => root.execute(args)) as never;
      },
      subscribe: async (args) => {
        const root = operations.get(args)!;
        if (!root.share) return counted(await observability.run(root.record, () => root.subscribe(args))) as never;
        const { key, member, createContext } = root.share;
        const start = async () => root.subscribe({ ...args, contextValue: await createContext() }) as Promise<ExecutionResult | AsyncIterable<ExecutionResult>>;
        return counted(await observability.run(root.record, () => multiplexer.join(key, start, member))) as never;
      },
      // `extensions.http` tells yoga which HTTP status to answer with; on a socket it means nothing.
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const record = records.get(ctx)?.get(id);
        if (record) recordErrors(record, result);
        return { ...result, errors: result.errors.map(withoutHttp) };
      },
      onError: (ctx, id, _payload, errors) => {
        const record = records.get(ctx)?.get(id);
        if (record) recordErrors(record, { errors });
        return errors.map(withoutHttp);
      },
      onComplete: (ctx, id) => finished(ctx, id),
      onConnect: async (ctx) => {
        try {
          await authenticate(ctx.connectionParams, ctx.extra.request);
          return true;
        } catch (error) {
          ctx.extra.socket.close(4401, clientError(error).message.slice(0, 120));
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const record = observability.wsOperation(ctx.extra.request, payload.operationName);
        started(ctx, id, record);
        let principal: Principal;
        let isFresh: boolean;
        try {
          ({ principal, fresh: isFresh } = await authenticate(ctx.connectionParams, ctx.extra.request));
        } catch (error) {
          return refused(ctx, id, [clientError(error)]);
        }
        record.actor = principal.name;
        const socket = ctx.extra.socket;
        const initial: ServerContext & Record<string, unknown> = {
          req: ctx.extra.request,
          principal,
          fresh: isFresh,
          disconnectSlowConsumer: () => disconnectSlowSocket(socket),
          params: payload,
          record,
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped(initial);
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return refused(ctx, id, [clientError(error instanceof GraphQLError ? error : new GraphQLError('could not parse the document'))]);
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return refused(ctx, id, errors.map(clientError));
        const args = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
        const key = shareKey(args, payload.query, principal);
        if (key === undefined) return prepared({ ...args, contextValue: await contextFactory() }, { execute, subscribe, record });
        // A shared execution belongs to no single token: each member watches its own revocation.
        initial.shared = true;
        const member: Member = { maxQueue: options.maxQueue, onOverflow: () => disconnectSlowSocket(socket), tokenId: principal.tokenId };
        return prepared(args, { execute, subscribe, record, share: { key, member, createContext: contextFactory } });
      },
    },
    wsServer,
    15_000,
  );
  return {
    close: async () => {
      for (const client of wsServer.clients) client.close(1001, 'server shutting down; reconnect and resume with after');
      await disposable.dispose();
    },
  };
}

/**
 * Subscriptions that start live may share; one that replays from a cursor (a non-null `after`,
 * given inline or as a variable) has a history of its own and runs alone. Scopes are part of the
 * key, so members always hold the same permissions.
 */
function shareKey(args: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues'>, query: string, principal: Principal): string | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'subscription' || mayReplay(operation, args.variableValues ?? {})) return undefined;
  const scopes = [...principal.scopes].sort().join(',');
  return JSON.stringify([scopes, args.operationName ?? null, args.variableValues ?? {}, query]);
}

/** True when it may replay: a non-null `after`, or a root selection too indirect (a fragment) to tell. */
function mayReplay(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): boolean {
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind !== Kind.FIELD ||
      (selection.arguments ?? []).some(
        (argument) =>
          argument.name.value === 'after' &&
          (argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] != null : argument.value.kind !== Kind.NULL),
      ),
  );
}

function withoutHttp(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  const { extensions: _all, ...formatted } = error.toJSON();
  return Object.keys(extensions).length > 0 ? { ...formatted, extensions } : formatted;
}

/** A subscriber that stopped reading: say why, then drop the connection if the close cannot get through. */
function disconnectSlowSocket(socket: WebSocket): void {
  socket.close(1008, 'slow consumer: too many undelivered changes; reconnect with after');
  setTimeout(() => socket.terminate(), 2_000).unref();
}
