import type { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULTS, type Config } from '../config.js';
import { FreshnessBarrier } from '../cache/freshness.js';
import { REGISTRY_CHANNEL } from '../cache/channels.js';
import { RegistryCache } from '../cache/registry-cache.js';
import { DirectPool } from '../db/direct-pool.js';
import { hasModelSearchIndex, migrate, openOrm } from '../db/orm.js';
import { freshContextPerEvent, Live } from '../live/index.js';
import { briefError, createLogger, type Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { Observability } from '../observability/operation.js';
import { instanceSources } from '../observability/sources.js';
import { OperationTracer } from '../observability/tracing-plugin.js';
import { Authenticator } from '../services/auth.js';
import { DatabaseRows } from '../services/direct-reads.js';
import { UnauthenticatedError } from '../services/errors.js';
import { startKeyPruning } from '../services/idempotency.js';
import { bootstrapAdminToken, TOKEN_CHANNEL } from '../services/tokens.js';
import { WEBHOOK_CHANNEL } from '../webhooks/channels.js';
import { WebhookDispatcher, type AttemptOutcome } from '../webhooks/dispatcher.js';
import { schema } from '../schema/index.js';
import { freshReads, type Context } from '../schema/context.js';
import { toClientError } from './errors.js';
import { renderModelstageGraphiQL } from './graphiql.js';
import { documentLimits } from './limits.js';
import { mutationsReadTheDatabase } from './mutation-reads.js';
import { wholeMutationScopes } from './mutation-scopes.js';
import { corsOptions } from './origins.js';
import { clientAddress, type ServerContext } from './request.js';

/** What one instance is built from: the Config's settings, a database, and where its log goes. */
export type AppSettings = Omit<Config, 'databaseUrl' | 'dataDir' | 'webhooks'> & {
  databaseUrl: string;
  /** The logger to use; by default one writing JSON lines to stdout, or to `log` when given. */
  logger?: Logger;
  /** Receives each JSON log line instead of stdout (tests capture them). */
  log?: (line: string) => void;
  /** Webhook delivery settings; `onAttempt` hears each attempt's outcome (metrics). */
  webhooks: Config['webhooks'] & { onAttempt?: (outcome: AttemptOutcome) => void };
};

/** One instance's parts, wired, before any HTTP: what the HTTP layer (app.ts) serves. */
export interface Modelstage {
  settings: AppSettings;
  orm: MikroORM;
  auth: Authenticator;
  /** An operation's freshness check (cache/freshness.ts): true once every write that answered before it has been heard here. */
  fresh: () => Promise<boolean>;
  live: Live;
  dispatcher: WebhookDispatcher;
  metrics: Metrics;
  observability: Observability;
  logger: Logger;
  yoga: YogaServerInstance<ServerContext, Context>;
  /** What a client sees of an error (unexpected ones are logged once and masked). */
  clientError: (error: unknown) => GraphQLError;
  /** The secret of the admin token created on first start, if this start created it. */
  bootstrapToken: string | null;
  /** Completes every live stream (clients resume with `after`) and stops the background work. */
  endStreams(): void;
  /** Once no request is left (and the dispatcher stopped): closes LISTEN and the pool. */
  close(): Promise<void>;
}

/**
 * The composition root, as graphql-yoga's examples build theirs with `buildApp()`: migrations,
 * the ORM, authentication, the live module, the webhook dispatcher, metrics and the yoga
 * instance, wired and started. It opens no port; app.ts puts HTTP and websockets in front.
 */
export async function buildApp(settings: AppSettings): Promise<Modelstage> {
  const logger = settings.logger ?? createLogger({ level: settings.logLevel, write: settings.log });
  const log = (line: string) => logger.warn(line);
  const orm = await openOrm(settings.databaseUrl, undefined, settings.sqlDebug);
  await migrate(orm, settings.databaseUrl);
  if (!(await hasModelSearchIndex(orm))) log('models(search:) runs without its index: the pg_trgm extension could not be created in this database');
  const bootstrap = settings.adminToken ? undefined : await bootstrapAdminToken(orm.em.fork());
  if (bootstrap && 'skipped' in bootstrap && bootstrap.skipped === 'no usable token') {
    log('no API token is active and MODELSTAGE_ADMIN_TOKEN is not set: set it to administer this registry');
  }
  const bootstrapToken = bootstrap && 'created' in bootstrap ? bootstrap.created : null;

  const direct = new DirectPool(settings.databaseUrl);
  const databaseRows = new DatabaseRows(direct);
  const cache = settings.readCacheModels > 0 ? new RegistryCache(databaseRows, settings.readCacheModels) : undefined;
  // Barriers go out on the LISTEN connection (`live` is built below; they are sent only once it is).
  const barrier: FreshnessBarrier = new FreshnessBarrier({
    get connected(): boolean {
      return live.listener.connected;
    },
    notify: (channel, payload) => live.listener.notify(channel, payload),
    reconnect: (reason) => live.listener.reconnect(reason),
  });
  const auth = new Authenticator(orm, { adminToken: settings.adminToken, maxFailures: settings.maxAuthFailures });
  const { onAttempt, ...webhooks } = settings.webhooks;
  const webhookSettings = { allowPrivate: webhooks.allowPrivate };
  const dispatcher = new WebhookDispatcher({
    orm,
    log,
    ...webhooks,
    onAttempt: (outcome) => {
      metrics.webhookAttempt({ delivered: outcome === 'delivered', final: outcome === 'failed' });
      onAttempt?.(outcome);
    },
  });
  const clientError = (error: unknown) => toClientError(error, (line) => logger.error(line), { suggestions: settings.dev });
  const live: Live = new Live({
    orm,
    databaseUrl: settings.databaseUrl,
    log,
    maxQueue: settings.subscriberQueueLimit,
    // The streams end with the client's error (code UNAUTHENTICATED) on every transport and path.
    revokedError: () => clientError(new UnauthenticatedError('the token was revoked')),
    onTokenRevoked: () => auth.forgetTokens(),
    channels: {
      // Here at once (from the revoking request), elsewhere through the notification.
      [TOKEN_CHANNEL]: (tokenId) => live.revoke(tokenId),
      [WEBHOOK_CHANNEL]: () => void dispatcher.wake(),
      [REGISTRY_CHANNEL]: (payload) => cache?.heard(payload),
      [barrier.channel]: (payload) => barrier.heard(payload),
    },
    onConnected: () => {
      // Lookups begun while LISTEN was down may have missed a revocation: none of them is kept.
      auth.forgetTokens();
      auth.cacheTrusted = true;
      cache?.listening();
      void dispatcher.wake();
    },
    onDisconnected: () => {
      auth.cacheTrusted = false;
      auth.forgetTokens();
      cache?.deaf();
      barrier.connectionLost();
    },
  });
  await live.start();
  const stopKeyPruning = startKeyPruning(orm, log);
  const metrics = new Metrics(instanceSources(orm, live.stageFeed, live.listener, cache, barrier));
  const tracer = settings.tracing ? new OperationTracer() : undefined;
  const observability = new Observability(logger, metrics, tracer);
  // After the metrics exist: each attempt's outcome is counted there.
  dispatcher.start();

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // app.ts reads every body with its own, lower limit before yoga; yoga's would pipe it again.
    maxRequestBodySize: false,
    graphiql: { title: 'Modelstage GraphiQL', subscriptionsProtocol: 'WS', favicon: '/favicon.svg' },
    // GraphiQL from the package itself: yoga's default page loads its scripts from a CDN, which
    // machines without internet access (and strict networks) cannot reach. It starts with a token.
    renderGraphiQL: renderModelstageGraphiQL,
    cors: corsOptions(settings.corsOrigins),
    maskedErrors: { maskError: (error) => clientError(error) },
    // Unexpected errors are logged once, briefly, by toClientError; yoga's own logger would
    // print stacks and driver messages (SQL) for them.
    logging: quietLogger(logger),
    // The record first: tracing names its spans from what it found.
    plugins: [
      observability.plugin(),
      ...(tracer ? [tracer.plugin()] : []),
      ...documentLimits(settings.dev),
      wholeMutationScopes(),
      mutationsReadTheDatabase(),
      freshContextPerEvent(),
    ],
    context: async (initial): Promise<Context> => {
      // First of all, one freshness check (shared with the operations in flight): once it passes,
      // this instance has heard of every write that answered before this operation arrived, so
      // its caches (the token's, the registry's) may answer it. See cache/freshness.ts.
      const fresh = initial.fresh ?? (await barrier.fresh());
      let principal = initial.principal;
      try {
        principal ??= await auth.authenticate(initial.request.headers.get('authorization'), clientAddress(initial.req), fresh);
      } catch (error) {
        throw clientError(error);
      }
      return {
        ...freshReads(orm.em, (fresh && cache) || databaseRows),
        direct,
        databaseRows,
        principal,
        live: live.session({
          tokenId: initial.shared ? null : principal.tokenId,
          onOverflow: initial.disconnectSlowConsumer ?? (() => initial.res?.destroy()),
        }),
        webhookSettings,
        metrics,
      };
    },
  });

  return {
    settings,
    orm,
    auth,
    fresh: () => barrier.fresh(),
    live,
    dispatcher,
    metrics,
    observability,
    logger,
    yoga,
    clientError,
    bootstrapToken,
    endStreams: () => {
      live.endStreams();
      stopKeyPruning();
    },
    close: async () => {
      await live.close();
      await direct.close();
      await orm.close();
    },
  };
}

/** The settings a caller gave, over the defaults (config.ts) for what it left out. */
export function withDefaults(options: Partial<Omit<AppSettings, 'webhooks'>> & { databaseUrl: string; webhooks?: Partial<AppSettings['webhooks']> }): AppSettings {
  const { dataDir: _dataDir, webhooks: defaultWebhooks, ...defaults } = DEFAULTS;
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as typeof options;
  return { ...defaults, ...given, webhooks: { ...defaultWebhooks, ...options.webhooks } };
}

function quietLogger(logger: Logger) {
  const noop = () => undefined;
  const warn = (...args: unknown[]) => {
    if (!args.some((arg) => arg instanceof Error)) logger.warn(args.map(briefError).join(' '));
  };
  return { debug: noop, info: noop, warn, error: warn };
}
