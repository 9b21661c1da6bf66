// buildApp(): GraphQL over HTTP, SSE and WebSocket (one execution path), health endpoints; start(port) / stop().
import type { EntityManager } from '@mikro-orm/postgresql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import {
  GraphQLError as GraphQLErrorClass,
  NoSchemaIntrospectionCustomRule,
  validate as graphqlValidate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import proxyaddr from 'proxy-addr';
import { WebSocketServer } from 'ws';
import type { DomainSettings, RequestMeta } from './actor.js';
import type { Orm } from './db/orm.js';
import { sqlOf } from './db/sql.js';
import { EventFeed, PostgresWakeSignal, type WakeSignal } from './events/feed.js';
import { audienceOf, releaseAuthCache, useAuthCacheRelease } from './graphql/auth.js';
import type { GraphQLContext } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { useHotOperationJit } from './graphql/jit.js';
import { createLoaders } from './graphql/loaders.js';
import { schema } from './graphql/schema.js';
import { securityPlugins } from './graphql/security.js';
import { useSharedSubscriptionExecution } from './graphql/shared-execution.js';
import { LiveSessions } from './sessions/live.js';
import { resolveBearer } from './sessions/sessions.js';

export interface AppOptions {
  orm: Orm;
  settings: DomainSettings;
  logger: Logger;
  graphiql: boolean;
  /** How this instance learns of events committed anywhere; PostgreSQL LISTEN/NOTIFY by default. */
  wakeSignal?: WakeSignal;
  /** Browser origins allowed (CORS and WebSocket); same-origin and non-browser clients are always allowed. */
  corsOrigins?: string[];
  /** Introspection on or off (GraphiQL needs it). */
  introspection?: boolean;
  /** Serve GET /metrics: event-loop delay, memory, garbage-collection pauses, open WebSockets, subscription event executions and compiled operations, as JSON. */
  metrics?: boolean;
  /** Hand-written SQL as prepared statements (src/db/sql.ts); default true. */
  preparedStatements?: boolean;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, proxy-addr's names); default none. */
  trustProxy?: string[];
}

/** Request bodies above this are refused (413) before any parsing. */
export const MAX_BODY_BYTES = 100 * 1024;
/** WebSocket messages above this close the socket (1009). */
export const MAX_WS_PAYLOAD_BYTES = 64 * 1024;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** A WebSocket must send connection_init within this, or it is closed (4408). */
export const CONNECTION_INIT_TIMEOUT_MS = 3_000;

type Bearer = Awaited<ReturnType<typeof resolveBearer>>;

/** What yoga's context factory receives: node's request over HTTP/SSE, or what the WebSocket server passes. */
interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  /** Set for WebSocket operations: the bearer resolved once when the connection opened. */
  bearer?: Bearer;
}

const GRAPHIQL_QUERY = `# Sign in as the admin (the start-up log prints the credentials), then send
# { "Authorization": "Bearer <token>" } in the Headers tab. The README has more examples.
mutation SignIn {
  login(input: { email: "admin@localhost", password: "<password>" }) {
    __typename
    ... on Session { token expiresAt user { email role } }
    ... on Error { code message }
  }
}
`;

/** "Bearer <token>" (or a bare token, as WebSocket connectionParams often carry it). */
function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = value.trim().match(/^(?:Bearer\s+)?(\S+)$/i);
  return match?.[1] ?? null;
}

export function buildApp(options: AppOptions) {
  const { orm, logger } = options;
  const sql = sqlOf(orm, { prepared: options.preparedStatements ?? true });
  const feed = new EventFeed(
    sql,
    options.wakeSignal ?? new PostgresWakeSignal(orm.config.get('clientUrl'), logger),
    logger,
  );
  const live = new LiveSessions(() => orm.em.fork(), logger);
  feed.listen((event) => {
    live.handle(event).catch((err: unknown) => logger.error({ err }, 'ending sessions failed'));
  });

  const corsOrigins = options.corsOrigins ?? [];
  // The client's address: the TCP peer, or behind trusted proxies the nearest untrusted address in X-Forwarded-For.
  const trusted = options.trustProxy?.length ? proxyaddr.compile(options.trustProxy) : null;
  const clientAddress = (req: IncomingMessage) => (trusted ? proxyaddr(req, trusted) : (req.socket.remoteAddress ?? null));
  const introspection = options.introspection ?? options.graphiql;
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

  // Unexpected errors become "Unexpected error." (their originals logged) the same way everywhere: by yoga, and by
  // the shared subscription execution for the streams it serves.
  const maskedErrors = { maskError, isDev: false, errorMessage: 'Unexpected error.' };
  const maskAndLog = (error: unknown): Error => {
    const masked = maskError(error, maskedErrors.errorMessage, false);
    if (masked !== error) logger.error({ err: error }, 'error');
    return masked;
  };
  // Every subscriber of an audience gets the one execution of each event; each event executes with a fresh
  // EntityManager fork, so no subscriber's identity map (kept from earlier events) shapes what the others see.
  const sharedExecution = useSharedSubscriptionExecution<GraphQLContext>({
    audience: audienceOf,
    eventContext: (ctx) => ({ ...ctx, em: orm.em.fork() }),
    maskError: maskAndLog,
    executed: releaseAuthCache,
  });

  const jit = useHotOperationJit((errors) => logger.warn({ errors: errors.map(String) }, 'graphql-jit could not compile a document; it runs uncompiled'));

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    // The HTTP handler below already refuses a POST without a Content-Length (411) or over MAX_BODY_BYTES (413), and
    // Node's parser reads exactly that many bytes, so yoga's own limit (which pipes every body through a counting
    // TransformStream: a fifth of the phone's read CPU, measured) could never fire.
    maxRequestBodySize: false,
    // Only a listed origin is named back; any other gets no CORS headers at all.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin && corsOrigins.includes(origin)
        ? { origin, methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf'], credentials: false }
        : false;
    },
    // The shared subscription execution last: the onSubscribe hooks after it do not run for the streams it serves.
    plugins: [...securityPlugins({ introspection }), jit.plugin, useAuthCacheRelease(), sharedExecution.plugin],
    graphiql: options.graphiql ? { defaultQuery: GRAPHIQL_QUERY, title: 'Gatehouse', subscriptionsProtocol: 'WS' } : false,
    // isDev off always: NODE_ENV=development would otherwise put stack traces into error responses.
    maskedErrors,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args[0] }, args.slice(1).map(String).join(' ') || 'error'),
    },
    context: async (initial): Promise<GraphQLContext> => {
      const { request, req, bearer } = initial;
      // One EntityManager fork per operation (its own identity map and unit of work), made when first used: the hot
      // paths are hand-written SQL and need none. Defined on the very object envelop extends with what this returns
      // (so the getter stays lazy); the object returned must therefore not carry `em` itself.
      let em: EntityManager | undefined;
      Object.defineProperty(initial, 'em', { enumerable: true, get: () => (em ??= orm.em.fork()) });
      let resolved: Bearer = bearer ?? null;
      if (bearer === undefined) {
        const token = bearerToken(request.headers.get('authorization'));
        resolved = token ? await resolveBearer(sql, token) : null;
      }
      const meta: RequestMeta = {
        ip: req ? clientAddress(req) : null,
        userAgent: req?.headers['user-agent'] ?? request?.headers.get('user-agent') ?? null,
      };
      const extension: Omit<GraphQLContext, 'em'> = {
        sql,
        actor: resolved?.actor ?? null,
        watch: resolved?.watch ?? null,
        meta,
        settings: options.settings,
        feed,
        live,
        loaders: createLoaders(sql),
      };
      // `em` is on the context already (above).
      return extension as GraphQLContext;
    },
  });

  let stopping = false;
  const server: Server = createServer((req, res) => {
    // While stopping, every answer closes its connection, so keep-alive clients cannot hold the stop open.
    if (stopping) res.setHeader('connection', 'close');
    // The access log (level info): no listener at all on the hot path when it is off.
    if (logger.isLevelEnabled('info')) {
      const started = performance.now();
      res.on('finish', () => {
        logger.info(
          { method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) },
          'request',
        );
      });
    }
    if (req.method === 'POST') {
      const length = Number(req.headers['content-length'] ?? NaN);
      // Chunked bodies are not taken: without a length the limit could only be enforced after reading.
      if (Number.isNaN(length)) return void res.writeHead(411, { connection: 'close' }).end();
      if (length > MAX_BODY_BYTES) return void res.writeHead(413, { connection: 'close' }).end();
    }
    if (options.metrics && req.url?.startsWith('/metrics')) {
      // `?gc` first collects garbage when the process runs with --expose-gc (the bench does, to measure what stays).
      if (req.url.includes('gc')) (globalThis as { gc?: () => void }).gc?.();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metricsSnapshot()));
      if (req.url.includes('reset')) loopDelay.reset();
      return;
    }
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/ready') {
      // Ready: the database answers and every migration this build knows is applied.
      orm
        .getMigrator()
        .getPendingMigrations()
        .then(
          (pending) =>
            pending.length
              ? res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"migrations pending"}')
              : res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}'),
          () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unreachable"}'),
        );
      return;
    }
    void yoga(req, res);
  });

  // graphql-ws on the same path; every operation goes through yoga.getEnveloped, so context, plugins, masking and
  // authorization are the ones HTTP uses.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  // Garbage collection pauses on the main thread since start: young generation (scavenges) and the rest.
  const gc = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 } };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
      const kind = detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR ? gc.minor : gc.major;
      kind.count++;
      kind.ms += entry.duration;
    }
  });
  if (options.metrics) {
    loopDelay.enable();
    gcObserver.observe({ entryTypes: ['gc'] });
  }
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const pauses = ({ count, ms: total }: { count: number; ms: number }) => ({ count, ms: Math.round(total * 100) / 100 });
  const metricsSnapshot = () => ({
    eventLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
    memory: process.memoryUsage(),
    gcMs: { minor: pauses(gc.minor), major: pauses(gc.major) },
    webSockets: wsServer.clients.size,
    subscriptionEventExecutions: { ...sharedExecution.counts },
    compiledOperations: { ...jit.counts },
  });

  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_WS_PAYLOAD_BYTES,
    verifyClient: ({ origin, req }: { origin: string | undefined; req: IncomingMessage }) => originAllowed(origin, req.headers.host),
  });
  type Extra = { bearer?: Bearer; untrack?: () => void };
  const wsDisposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onConnect: async (ctx) => {
        const token = bearerToken(ctx.connectionParams?.authorization);
        if (!token) {
          ctx.extra.bearer = null;
          return true;
        }
        const bearer = await resolveBearer(sql, token);
        // A bad, revoked or expired token closes the connection with 4403.
        if (!bearer) return false;
        ctx.extra.bearer = bearer;
        const session = bearer.actor ? bearer.actor.session : bearer.watch.session;
        ctx.extra.untrack = live.track(session, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden'));
        return true;
      },
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      onClose: (ctx) => ctx.extra.untrack?.(),
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already counted this one in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new GraphQLErrorClass('Too many subscriptions on this connection', { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const { schema: envelopedSchema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          req: ctx.extra.request,
          bearer: ctx.extra.bearer ?? null,
          params: payload,
        }) as unknown as Enveloped;
        // Limits (graphql-armor) refuse by throwing from validation: answer that one operation, keep the connection.
        let document: DocumentNode;
        let errors: readonly GraphQLError[];
        try {
          document = parse(payload.query);
          errors = validate(envelopedSchema, document);
          // yoga's introspection switch acts on HTTP requests only; apply it here too.
          if (!errors.length && !introspection) errors = graphqlValidate(envelopedSchema, document, [NoSchemaIntrospectionCustomRule]);
        } catch (error) {
          return [error instanceof GraphQLErrorClass ? error : new GraphQLErrorClass('Invalid operation')];
        }
        if (errors.length) return errors;
        const args: ExecutionArgs = {
          schema: envelopedSchema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies EnvelopedRoot,
        };
        return args;
      },
    },
    wsServer,
  );

  return {
    yoga,
    server,
    feed,
    async start(port: number, host?: string): Promise<{ port: number; url: string }> {
      await feed.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const shownHost = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return { port: address.port, url: `http://${shownHost}:${address.port}/graphql` };
    },
    /**
     * Graceful stop: WebSockets close with 1001, live subscriptions (SSE too) complete, in-flight requests finish,
     * idle connections close, then the event feed and the database pool.
     */
    async stop(): Promise<void> {
      loopDelay.disable();
      gcObserver.disconnect();
      for (const socket of wsServer.clients) socket.close(1001, 'Server shutting down');
      live.endAll();
      await wsDisposable.dispose();
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
      await feed.stop();
      await orm.close();
    },
  };
}

/** What yoga.getEnveloped returns (typed loosely by envelop), as this file uses it. */
interface Enveloped extends EnvelopedRoot {
  schema: GraphQLSchema;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
  contextFactory: () => Promise<GraphQLContext>;
}

/** yoga's enveloped execute/subscribe, carried to graphql-ws in rootValue (the graphql-ws recipe for envelop). */
interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

export type App = ReturnType<typeof buildApp>;
