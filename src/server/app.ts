import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DirectPool } from '../db/direct-pool.js';
import { hasModelSearchIndex, migrate, openOrm } from '../db/orm.js';
import type { LogLevel } from '../config.js';
import { briefError, createLogger, type Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { Observability } from '../observability/operation.js';
import { instanceSources } from '../observability/sources.js';
import { OperationTracer } from '../observability/tracing-plugin.js';
import { Authenticator } from '../services/auth.js';
import { UnauthenticatedError } from '../services/errors.js';
import { startKeyPruning } from '../services/idempotency.js';
import { PgListener } from '../services/pg-listener.js';
import { STAGE_LOG_CHANNEL } from '../services/stage-log.js';
import { StageFeed } from '../services/stage-feed.js';
import { PROMOTION_REQUEST_CHANNEL, promotionRequestFeed } from '../services/request-events.js';
import { VersionFeed } from '../services/version-feed.js';
import { VERSION_CHANNEL, WEBHOOK_CHANNEL } from '../webhooks/channels.js';
import { WebhookDispatcher, type AttemptOutcome } from '../webhooks/dispatcher.js';
import { webhookSettings as defaultWebhookSettings, type WebhookSettings } from '../config.js';
import { bootstrapAdminToken, TOKEN_CHANNEL } from '../services/tokens.js';
import { schema } from '../schema/index.js';
import { freshReads, type Context } from '../schema/context.js';
import { freshContextPerEvent } from './event-context.js';
import { toClientError } from './errors.js';
import { renderModelstageGraphiQL } from './graphiql.js';
import { attachGraphqlWs } from './graphql-ws.js';
import type { SubscriptionMultiplexer } from './multiplex.js';
import { documentLimits, MAX_BODY_BYTES } from './limits.js';
import { wholeMutationScopes } from './mutation-scopes.js';
import { isOriginAllowed, corsOptions } from './origins.js';
import { clientAddress, type ServerContext } from './request.js';
import { serveStatic } from './static.js';

export interface AppOptions {
  databaseUrl: string;
  host?: string;
  port?: number;
  adminToken?: string;
  corsOrigins?: string[];
  dev?: boolean;
  /** Where the built dashboard is; defaults to dist/dashboard beside the code. */
  dashboardDir?: string;
  /** The logger to use; by default one writing JSON lines to stdout, or to `log` when given. */
  logger?: Logger;
  /** Receives each JSON log line instead of stdout (tests capture them). */
  log?: (line: string) => void;
  logLevel?: LogLevel;
  /** Serve /metrics (default true). */
  metrics?: boolean;
  /** Trace operations: the process started the OpenTelemetry SDK (src/observability/tracing.ts). */
  tracing?: boolean;
  /** Failed authentications allowed per address and minute. */
  maxAuthFailures?: number;
  /** Undelivered changes a subscriber may fall behind before it is disconnected (default 1,000). */
  subscriberQueueLimit?: number;
  /** Webhook delivery settings (config.ts); `onAttempt` hears each attempt's outcome (metrics). */
  webhooks?: Partial<WebhookSettings> & { onAttempt?: (outcome: AttemptOutcome) => void };
}

export interface App {
  url: string;
  port: number;
  orm: MikroORM;
  feed: StageFeed;
  listener: PgListener;
  dispatcher: WebhookDispatcher;
  /** Live websocket subscriptions grouped by shared execution. */
  multiplexer: SubscriptionMultiplexer;
  metrics: Metrics;
  logger: Logger;
  /** The secret of the admin token created on first start, if this start created it. */
  bootstrapToken: string | null;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SHUTDOWN_GRACE_MS = 10_000;

/** Builds and starts one Modelstage instance: migrations, the live feed, HTTP and websockets. */
export async function startApp(options: AppOptions): Promise<App> {
  const logger = options.logger ?? createLogger({ level: options.logLevel, write: options.log });
  const log = (line: string) => logger.warn(line);
  const orm = await openOrm(options.databaseUrl);
  await migrate(orm, options.databaseUrl);
  if (!(await hasModelSearchIndex(orm))) log('models(search:) runs without its index: the pg_trgm extension could not be created in this database');
  const bootstrap = options.adminToken ? undefined : await bootstrapAdminToken(orm.em.fork());
  if (bootstrap && 'skipped' in bootstrap && bootstrap.skipped === 'no usable token') {
    log('no API token is active and MODELSTAGE_ADMIN_TOKEN is not set: set it to administer this registry');
  }
  const bootstrapToken = bootstrap && 'created' in bootstrap ? bootstrap.created : null;

  const direct = new DirectPool(options.databaseUrl);
  const auth = new Authenticator(orm, { adminToken: options.adminToken, maxFailures: options.maxAuthFailures });
  const feed = new StageFeed(orm, log, options.subscriberQueueLimit);
  const requestFeed = promotionRequestFeed(orm, log, options.subscriberQueueLimit);
  const versions = new VersionFeed(orm, log, options.subscriberQueueLimit);
  // Defaults as with an empty environment; the process's own come in through options.
  const webhooks = { ...defaultWebhookSettings({}), ...options.webhooks };
  const webhookSettings = { allowPrivate: webhooks.allowPrivate };
  const dispatcher = new WebhookDispatcher({
    orm,
    log,
    ...webhooks,
    onAttempt: (outcome) => {
      metrics.webhookAttempt({ delivered: outcome === 'delivered', final: outcome === 'failed' });
      webhooks.onAttempt?.(outcome);
    },
  });
  const clientError = (error: unknown) => toClientError(error, (line) => logger.error(line), { suggestions: options.dev });
  // Here at once (from the revoking request), elsewhere through the notification. The streams
  // end with the client's error (code UNAUTHENTICATED) on every transport and path.
  const tokenRevoked = (tokenId: string | undefined) => {
    auth.forgetTokens();
    if (tokenId) {
      for (const each of [feed, requestFeed]) each.endStreamsOf(tokenId, clientError(new UnauthenticatedError('the token was revoked')));
    }
  };
  const listener = new PgListener({
    url: options.databaseUrl,
    log,
    channels: {
      [STAGE_LOG_CHANNEL]: () => void feed.pump(),
      [PROMOTION_REQUEST_CHANNEL]: () => void requestFeed.pump(),
      [TOKEN_CHANNEL]: (tokenId) => tokenRevoked(tokenId),
      [WEBHOOK_CHANNEL]: () => void dispatcher.wake(),
      [VERSION_CHANNEL]: (ids) => versions.notified(ids),
    },
    onConnected: () => {
      auth.cacheTrusted = true;
      void feed.pump();
      void requestFeed.pump();
      void dispatcher.wake();
    },
    onDisconnected: () => {
      auth.cacheTrusted = false;
      auth.forgetTokens();
    },
  });
  await feed.start();
  await requestFeed.start();
  await listener.start();
  const stopKeyPruning = startKeyPruning(orm, log);
  const metrics = new Metrics(instanceSources(orm, feed, listener));
  const tracer = options.tracing ? new OperationTracer() : undefined;
  const observability = new Observability(logger, metrics, tracer);
  // After the metrics exist: each attempt's outcome is counted there.
  dispatcher.start();

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Modelstage GraphiQL', subscriptionsProtocol: 'WS', favicon: '/favicon.svg' },
    // GraphiQL from the package itself: yoga's default page loads its scripts from a CDN, which
    // machines without internet access (and strict networks) cannot reach. It starts with a token.
    renderGraphiQL: renderModelstageGraphiQL,
    cors: corsOptions(options.corsOrigins ?? []),
    maskedErrors: { maskError: (error) => clientError(error) },
    // Unexpected errors are logged once, briefly, by toClientError; yoga's own logger would
    // print stacks and driver messages (SQL) for them.
    logging: quietLogger(logger),
    // The record first: tracing names its spans from what it found.
    plugins: [
      observability.plugin(),
      ...(tracer ? [tracer.plugin()] : []),
      ...documentLimits(options.dev ?? false),
      wholeMutationScopes(),
      freshContextPerEvent(),
    ],
    context: async (initial): Promise<Context> => {
      let principal = initial.principal;
      try {
        principal ??= await auth.authenticate(initial.request.headers.get('authorization'), clientAddress(initial.req));
      } catch (error) {
        throw clientError(error);
      }
      return {
        ...freshReads(orm.em, direct),
        direct,
        principal,
        feed,
        requestFeed,
        versions,
        webhookSettings,
        metrics,
        tokenRevoked,
        disconnectSlowConsumer: initial.disconnectSlowConsumer ?? (() => initial.res?.destroy()),
      };
    },
  });

  const dashboardDir = options.dashboardDir ?? path.resolve(here, '../dashboard');
  // A client that vanishes mid-request must not take the process down with an unhandled rejection.
  const server = createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  const metricsOn = options.metrics ?? true;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const record = observability.httpRequest(request, response);
    if (url === '/ready' || url.startsWith('/ready?')) return ready(orm, response);
    if (url === '/metrics' || url.startsWith('/metrics?')) return metricsOn ? serveMetrics(metrics, response) : refuse(response, 404, 'metrics are off (MODELSTAGE_METRICS=false)');
    if (url.startsWith('/graphql') || url.startsWith('/health')) {
      const body = await readBody(request);
      if (!body) {
        // Stop reading: close the connection once the answer is out.
        response.setHeader('connection', 'close');
        response.on('finish', () => request.destroy());
        return refuse(response, 413, `request body too large: at most ${MAX_BODY_BYTES} bytes`);
      }
      // Yoga takes a body read already from here (see normalizeNodeRequest in @whatwg-node/server).
      if (body.length > 0) (request as IncomingMessage & { body?: Buffer }).body = body;
      return observability.run(record, () => yoga.handle(request, response, { req: request, res: response, record }));
    }
    if (await serveStatic(dashboardDir, request, response)) return;
    refuse(response, 404, 'not found');
  };

  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_BODY_BYTES,
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => isOriginAllowed(origin, req, options.corsOrigins ?? []),
  });
  const websockets = attachGraphqlWs(wsServer, { yoga, auth, feed, clientError, observability, maxQueue: options.subscriberQueueLimit ?? 1_000 });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const displayHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${displayHost}:${port}/graphql`,
    port,
    orm,
    feed,
    listener,
    dispatcher,
    multiplexer: websockets.multiplexer,
    metrics,
    logger,
    bootstrapToken,
    stop: () =>
      (stopping ??= (async () => {
        // No new webhook attempt from here on; those in flight finish (or are handed back).
        const dispatcherStopped = dispatcher.stop();
        // New connections are refused at once; requests in flight may finish.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections turn idle as their last request ends: close each as it does.
        const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
        server.closeIdleConnections();
        await websockets.close();
        feed.stop();
        requestFeed.stop();
        stopKeyPruning();
        versions.stop();
        const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        clearInterval(idleSweep);
        for (const socket of sockets) socket.destroy();
        await dispatcherStopped;
        await listener.stop();
        await direct.close();
        await orm.close();
      })()),
  };
}

function quietLogger(logger: Logger) {
  const noop = () => undefined;
  const warn = (...args: unknown[]) => {
    if (!args.some((arg) => arg instanceof Error)) logger.warn(args.map(briefError).join(' '));
  };
  return { debug: noop, info: noop, warn, error: warn };
}

/** Prometheus' text format: aggregate figures only (see docs/operations.md). */
async function serveMetrics(metrics: Metrics, response: ServerResponse): Promise<void> {
  const body = await metrics.render();
  response.writeHead(200, { 'content-type': metrics.contentType });
  response.end(body);
}

/** The body, however it is sent (sized or chunked), or null as soon as it exceeds MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData).pause();
      resolve(null);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ errors: [{ message }] }));
}

async function ready(orm: MikroORM, response: ServerResponse): Promise<void> {
  try {
    await orm.em.fork().execute('select 1');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ready"}');
  } catch {
    refuse(response, 503, 'the database does not answer');
  }
}
