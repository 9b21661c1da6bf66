// buildApp(): the event feed, yoga, the HTTP routes (the admin console among them) and the WebSocket server on one
// node:http server; start() / stop().
import { createServer } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DomainSettings } from './actor.js';
import { AlertDispatch, DEFAULT_ALERT_OPTIONS, type AlertOptions } from './alerts/dispatch.js';
import { loadConfig } from './config.js';
import type { Orm } from './db/orm.js';
import { ownConnection, sqlOf } from './db/sql.js';
import { EventFeed, PostgresWakeSignal, type WakeSignal } from './events/feed.js';
import { adminConsole, CONSOLE_PATH } from './http/console.js';
import { GRAPHIQL_ASSETS_PATH, selfHostedGraphiQL } from './http/graphiql.js';
import { createMetrics } from './http/metrics.js';
import { exportRoute } from './http/exports.js';
import { requestHandler } from './http/routes.js';
import { graphqlWebSocketServer } from './http/websocket.js';
import { gatehouseYoga } from './http/yoga.js';
import { Maintenance } from './jobs/maintenance.js';
import { startJobQueue, type JobQueue } from './jobs/queue.js';
import { LiveSessions } from './sessions/live.js';
import type { DeliverySettings } from './webhooks/delivery.js';
import { WebhookDispatch } from './webhooks/dispatch.js';

export { MAX_BODY_BYTES } from './http/routes.js';
export { CONNECTION_INIT_TIMEOUT_MS, MAX_SUBSCRIPTIONS_PER_CONNECTION, MAX_WS_PAYLOAD_BYTES } from './http/websocket.js';

export interface AppOptions {
  orm: Orm;
  settings: DomainSettings;
  logger: Logger;
  /** GraphiQL at GET /graphql, served with all its files from this origin. */
  graphiql: boolean;
  /** How this instance learns of events committed anywhere; PostgreSQL LISTEN/NOTIFY by default. */
  wakeSignal?: WakeSignal;
  /** Browser origins allowed (CORS and WebSocket); same-origin and non-browser clients are always allowed. */
  corsOrigins?: string[];
  /** Introspection on or off (GraphiQL needs it). */
  introspection?: boolean;
  /** Serve GET /metrics in the Prometheus text format (README, Metrics). */
  metrics?: boolean;
  /** Hand-written SQL as prepared statements (src/db/sql.ts); default true. */
  preparedStatements?: boolean;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, proxy-addr's names); default none. */
  trustProxy?: string[];
  /** Webhook delivery: the retry schedule and whether private addresses may be sent to (default: the config's). */
  webhooks?: DeliverySettings;
  /** Alert emails: SMTP or .eml files, From, the links' origin, the digest window (default: the config's defaults). */
  alerts?: AlertOptions;
  /** Seconds between maintenance sweeps (stale devices); default MAINTENANCE_INTERVAL_S's. */
  maintenanceIntervalS?: number;
  /**
   * The lean HTTP lane (src/http/lean-lane.ts), on by default. Off, every GraphQL request takes yoga's whole path:
   * for tests that compare the two lanes' answers (test/http-lanes.test.ts), and for measuring.
   */
  leanHttpLane?: boolean;
}

/** WEBHOOK_RETRY_SCHEDULE's, WEBHOOKS_ALLOW_PRIVATE's and WEBHOOK_DISABLE_AFTER's defaults. */
const configDefaults = loadConfig({});
const DEFAULT_WEBHOOK_SETTINGS: DeliverySettings = {
  retryScheduleMs: configDefaults.WEBHOOK_RETRY_SCHEDULE,
  allowPrivate: configDefaults.WEBHOOKS_ALLOW_PRIVATE,
  disableAfterMs: configDefaults.WEBHOOK_DISABLE_AFTER,
};

export function buildApp(options: AppOptions) {
  const { orm, logger } = options;
  // Every commit that may have written events nudges the event log's sequencer (coalesced: at most one pass under way).
  const sql = sqlOf(orm, { prepared: options.preparedStatements ?? true, eventsWritten: () => feed.written() });
  // The sequencer's passes run on a connection of their own, never waiting for the pool behind requests.
  const sequencerSql = ownConnection(orm.config.get('clientUrl'));
  const feed = new EventFeed(sql, options.wakeSignal ?? new PostgresWakeSignal(orm.config.get('clientUrl'), logger), logger, undefined, sequencerSql);
  orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => feed.written() });
  const live = new LiveSessions(() => orm.em.fork(), logger);
  feed.listen((event) => {
    live.handle(event).catch((err: unknown) => logger.error({ err }, 'ending sessions failed'));
  });
  const webhookSettings = options.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  const webhooks = new WebhookDispatch(sql, webhookSettings, logger);
  feed.listen((event) => webhooks.onEvent(event));
  const alerts = new AlertDispatch(sql, () => orm.em.fork(), options.alerts ?? DEFAULT_ALERT_OPTIONS, logger);
  feed.listen((event) => alerts.onEvent(event));
  const maintenance = new Maintenance(sql, orm.config.get('clientUrl'), options.maintenanceIntervalS ?? configDefaults.MAINTENANCE_INTERVAL_S, logger);
  let jobs: JobQueue | null = null;

  const corsOrigins = options.corsOrigins ?? [];
  /** Same-origin pages (GraphiQL) and clients that send no Origin (apps, servers) pass; browsers must be listed. */
  const originAllowed = (origin: string | undefined, host: string | undefined) => {
    if (!origin) return true;
    if (corsOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  };

  const graphiql = options.graphiql ? selfHostedGraphiQL() : null;
  // Its sources (the WebSocket server, yoga's plugins) are made below; they are read only when /metrics is scraped.
  const metrics = options.metrics
    ? createMetrics({
        webSockets: () => webSockets.size(),
        subscriptionEventExecutions: () => counts.subscriptionEventExecutions,
        jit: () => counts.jit,
        leanLane: () => counts.leanLane ?? { answered: 0, handedOver: 0 },
      })
    : null;
  const { yoga, lane, counts } = gatehouseYoga({
    orm,
    sql,
    logger,
    settings: options.settings,
    feed,
    live,
    corsOrigins,
    trustProxy: options.trustProxy,
    introspection: options.introspection ?? options.graphiql,
    graphiql,
    metrics,
    webhooks: { allowPrivate: webhookSettings.allowPrivate, changed: (id) => webhooks.changed(id) },
    leanLane: options.leanHttpLane,
  });

  const trusted = options.trustProxy?.length ? proxyaddr.compile(options.trustProxy) : null;
  let stopping = false;
  const server = createServer(
    requestHandler({
      orm,
      logger,
      yoga,
      graphqlLane: lane ?? undefined,
      metrics: metrics?.serve,
      exports: exportRoute({
        sql,
        em: () => orm.em.fork(),
        settings: options.settings,
        logger,
        clientAddress: (req) => (trusted ? proxyaddr(req, trusted) : (req.socket.remoteAddress ?? null)),
        settled: () => feed.settled(),
      }),
      adminConsole: { path: CONSOLE_PATH, serve: adminConsole() },
      graphiqlAssets: graphiql ? { path: GRAPHIQL_ASSETS_PATH, serve: graphiql.serveAsset } : undefined,
      stopping: () => stopping,
    }),
  );
  const webSockets = graphqlWebSocketServer({ server, yoga, sql, live, introspection: options.introspection ?? options.graphiql, originAllowed });
  if (metrics) feed.listen((event) => metrics.event(event.kind, event.at));

  return {
    yoga,
    /** What the lean HTTP lane answered and handed over (null: the lane is off). */
    leanLane: counts.leanLane,
    server,
    feed,
    async start(port: number, host?: string): Promise<{ port: number; url: string }> {
      await feed.start();
      jobs = await startJobQueue({ connectionString: orm.config.get('clientUrl'), logger, tasks: { ...webhooks.tasks, ...alerts.tasks, ...maintenance.tasks } });
      await webhooks.start(jobs);
      await maintenance.start(jobs);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      await alerts.start(jobs, address.port);
      const shownHost = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return { port: address.port, url: `http://${shownHost}:${address.port}/graphql` };
    },
    /**
     * Graceful stop: the job queue stops taking jobs and lets running ones finish, meanwhile WebSockets close with 1001,
     * live subscriptions (SSE too) complete, in-flight requests finish and idle connections close; then the event
     * feed and the database pool.
     */
    async stop(): Promise<void> {
      metrics?.stop();
      // The job queue winds down (running jobs finish) while HTTP drains: nothing new is queued from here on.
      webhooks.stop();
      alerts.stop();
      maintenance.stop();
      // Its last pass ends while HTTP drains, so closing the pool does not wait for it.
      const sequencing = feed.stopSequencing();
      const jobsStopped = jobs?.stop();
      // Sockets are told 1001 first; ending the live sessions after that must not close them again as 4403.
      const closing = webSockets.close();
      live.endAll();
      await closing;
      stopping = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Connections become idle as their in-flight requests finish; after a grace period, none is waited for.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        server.once('close', () => {
          clearInterval(sweep);
          clearTimeout(force);
        });
        server.closeIdleConnections();
      });
      await jobsStopped;
      await sequencing;
      await feed.stop();
      await sequencerSql.close();
      await orm.close();
    },
  };
}

export type App = ReturnType<typeof buildApp>;
