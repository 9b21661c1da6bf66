// buildApp(): the GraphQL server (yoga over node:http) with health endpoints; start(port) / stop().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { DomainSettings, RequestMeta } from './actor.js';
import type { Orm } from './db/orm.js';
import type { GraphQLContext } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { schema } from './graphql/schema.js';
import { resolveSession } from './sessions/sessions.js';

export interface AppOptions {
  orm: Orm;
  settings: DomainSettings;
  logger: Logger;
  graphiql: boolean;
}

interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
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

function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export function buildApp(options: AppOptions) {
  const { orm, logger } = options;

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql ? { defaultQuery: GRAPHIQL_QUERY, title: 'Gatehouse' } : false,
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args[0] }, args.slice(1).map(String).join(' ') || 'error'),
    },
    context: async ({ request, req }): Promise<GraphQLContext> => {
      // One EntityManager fork per operation: its own identity map and unit of work.
      const em = orm.em.fork();
      const token = bearerToken(request.headers.get('authorization'));
      const meta: RequestMeta = {
        ip: req?.socket.remoteAddress ?? null,
        userAgent: request.headers.get('user-agent'),
      };
      return {
        em,
        actor: token ? await resolveSession(em, token) : null,
        meta,
        settings: options.settings,
        loaders: createLoaders(em),
      };
    },
  });

  const server: Server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      logger.info(
        { method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/ready') {
      orm.em
        .getConnection()
        .execute('select 1')
        .then(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}'),
          () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unreachable"}'),
        );
      return;
    }
    void yoga(req, res);
  });

  return {
    yoga,
    server,
    async start(port: number, host?: string): Promise<{ port: number; url: string }> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const shownHost = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return { port: address.port, url: `http://${shownHost}:${address.port}/graphql` };
    },
    /** Stops accepting, lets in-flight requests finish, closes idle connections, then closes the database pool. */
    async stop(): Promise<void> {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await orm.close();
    },
  };
}

export type App = ReturnType<typeof buildApp>;
