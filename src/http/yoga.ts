// The yoga server: schema, plugins (limits, metrics, JIT, auth-cache release, shared subscription execution),
// error masking, CORS, GraphiQL, and the per-operation context every transport builds through it.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncomingMessage } from 'node:http';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import proxyaddr from 'proxy-addr';
import type { DomainSettings, RequestMeta } from '../actor.js';
import type { Orm } from '../db/orm.js';
import type { Sql } from '../db/sql.js';
import type { EventFeed } from '../events/feed.js';
import { audienceOf, releaseAuthCache, useAuthCacheRelease } from '../graphql/auth.js';
import type { GraphQLContext, Observer, WebhookHooks } from '../graphql/context.js';
import { maskError } from '../graphql/errors.js';
import { useHotOperationJit } from '../graphql/jit.js';
import { createLoaders } from '../graphql/loaders.js';
import { schema } from '../graphql/schema.js';
import { securityPlugins } from '../graphql/security.js';
import { useSharedSubscriptionExecution } from '../graphql/shared-execution.js';
import type { LiveSessions } from '../sessions/live.js';
import { resolveBearer } from '../sessions/sessions.js';
import type { selfHostedGraphiQL } from './graphiql.js';
import { leanLane, type CorsPolicy } from './lean-lane.js';
import { bearerToken, type Bearer, type ServerContext } from './server-context.js';

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

const noObserver: Observer = { signIn: () => undefined };

export interface YogaOptions {
  orm: Orm;
  sql: Sql;
  logger: Logger;
  settings: DomainSettings;
  feed: EventFeed;
  live: LiveSessions;
  corsOrigins: string[];
  trustProxy?: string[];
  introspection: boolean;
  /** GraphiQL at GET /graphql (a browser's request), served from this origin; null: off. */
  graphiql: ReturnType<typeof selfHostedGraphiQL> | null;
  webhooks: WebhookHooks;
  /** Counting operations (its plugin) and sign-ins; null: metrics off. */
  metrics: { plugin: Plugin; signIn: Observer['signIn'] } | null;
  /** Plain JSON POSTs to /graphql answered without yoga's fetch adapter (lean-lane.ts); default on. */
  leanLane?: boolean;
}

/** Only a listed origin is named back; any other gets no CORS headers at all. */
function corsPolicy(corsOrigins: string[]): CorsPolicy {
  return (request) => {
    const origin = request.headers.get('origin');
    return origin && corsOrigins.includes(origin)
      ? { origin, methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf'], credentials: false }
      : false;
  };
}

export function gatehouseYoga(options: YogaOptions) {
  const { orm, sql, logger, corsOrigins } = options;
  // The client's address: the TCP peer, or behind trusted proxies the nearest untrusted address in X-Forwarded-For.
  const trusted = options.trustProxy?.length ? proxyaddr.compile(options.trustProxy) : null;
  const clientAddress = (req: IncomingMessage) => (trusted ? proxyaddr(req, trusted) : (req.socket.remoteAddress ?? null));
  const observer: Observer = options.metrics ? { signIn: options.metrics.signIn } : noObserver;

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

  const cors = corsPolicy(corsOrigins);

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    // The HTTP handler already refuses a POST without a Content-Length (411) or over MAX_BODY_BYTES (413), and
    // Node's parser reads exactly that many bytes, so yoga's own limit (which pipes every body through a counting
    // TransformStream: a fifth of the phone's read CPU, measured) could never fire.
    maxRequestBodySize: false,
    cors,
    // The shared subscription execution last: the onSubscribe hooks after it do not run for the streams it serves.
    plugins: [
      ...securityPlugins({ introspection: options.introspection }),
      ...(options.graphiql ? [options.graphiql.plugin] : []),
      ...(options.metrics ? [options.metrics.plugin] : []),
      jit.plugin,
      useAuthCacheRelease(),
      sharedExecution.plugin,
    ],
    graphiql: options.graphiql ? { defaultQuery: GRAPHIQL_QUERY, title: 'Gatehouse', subscriptionsProtocol: 'WS' } : false,
    renderGraphiQL: options.graphiql?.render,
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
        feed: options.feed,
        live: options.live,
        loaders: createLoaders(sql),
        observer,
        webhooks: options.webhooks,
      };
      // `em` is on the context already (above).
      return extension as GraphQLContext;
    },
  });
  // yoga's HTTP-level hooks for this configuration, which the lane reproduces or routes around (lean-lane.ts):
  // onRequest: health check, CORS (preflight), GraphiQL when on, unhandled route; onResponse: CORS, and GraphiQL's
  // page headers when on; onRequestParse: the five body parsers, the method check, batching, CSRF; onParams: the
  // parameter checks; onResultProcess: the result processors.
  const graphiql = options.graphiql ? 1 : 0;
  const lane =
    options.leanLane === false
      ? null
      : leanLane({
          yoga,
          cors,
          expectedHooks: { onRequest: 3 + graphiql, onResponse: 1 + graphiql, onRequestParse: 8, onParams: 1, onExecutionResult: 0, onResultProcess: 1 },
        });
  return { yoga, lane, counts: { subscriptionEventExecutions: sharedExecution.counts, jit: jit.counts, leanLane: lane?.counts ?? null } };
}
