import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Live, PgListener, StageFeed, SubscriptionMultiplexer } from '../live/index.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { buildApp, withDefaults, type AppSettings } from './build-app.js';
import { attachGraphqlWs } from './graphql-ws.js';
import { MAX_BODY_BYTES } from './limits.js';
import { isOriginAllowed } from './origins.js';
import { serveStatic } from './static.js';

/** What startApp takes: a database, and any settings of config.ts (the rest are its defaults). */
export type AppOptions = Partial<Omit<AppSettings, 'webhooks'>> & {
  databaseUrl: string;
  /** Where the built dashboard is; defaults to dist/dashboard beside the code. */
  dashboardDir?: string;
  webhooks?: Partial<AppSettings['webhooks']>;
};

export interface App {
  url: string;
  port: number;
  orm: MikroORM;
  feed: StageFeed;
  /** The LISTEN connection, the feeds, the multiplexer and the revocation registry. */
  live: Live;
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

/**
 * The HTTP layer of one Modelstage instance: builds its parts (build-app.ts), then serves
 * /graphql (HTTP, SSE and websockets), /health, /ready, /metrics and the dashboard, with body
 * limits, and shuts down gracefully.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const settings = withDefaults(options);
  const modelstage = await buildApp(settings);
  const { orm, yoga, observability, metrics, live, dispatcher } = modelstage;

  const dashboardDir = options.dashboardDir ?? path.resolve(here, '../dashboard');
  // A client that vanishes mid-request must not take the process down with an unhandled rejection.
  const server = createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  const metricsOn = settings.metrics;
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
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => isOriginAllowed(origin, req, settings.corsOrigins),
  });
  const websockets = attachGraphqlWs(wsServer, {
    yoga,
    auth: modelstage.auth,
    fresh: modelstage.fresh,
    multiplexer: live.multiplexer,
    clientError: modelstage.clientError,
    observability,
    maxQueue: settings.subscriberQueueLimit,
  });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host;
  const displayHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${displayHost}:${port}/graphql`,
    port,
    orm,
    feed: live.stageFeed,
    live,
    listener: live.listener,
    dispatcher,
    multiplexer: live.multiplexer,
    metrics,
    logger: modelstage.logger,
    bootstrapToken: modelstage.bootstrapToken,
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
        modelstage.endStreams();
        const grace = setTimeout(() => server.closeAllConnections(), settings.shutdownGraceMs);
        await closed;
        clearTimeout(grace);
        clearInterval(idleSweep);
        for (const socket of sockets) socket.destroy();
        await dispatcherStopped;
        await modelstage.close();
      })()),
  };
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
