// graphql-ws on the HTTP server's /graphql: every operation goes through yoga.getEnveloped, so context, plugins,
// limits, masking and authorization are the ones HTTP uses; the bearer is resolved once, when the connection opens.
import type { IncomingMessage, Server } from 'node:http';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  validate as graphqlValidate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Sql } from '../db/sql.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { LiveSessions } from '../sessions/live.js';
import { resolveBearer } from '../sessions/sessions.js';
import { bearerToken, type Bearer, type ServerContext } from './server-context.js';

/** WebSocket messages above this close the socket (1009). */
export const MAX_WS_PAYLOAD_BYTES = 64 * 1024;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** A WebSocket must send connection_init within this, or it is closed (4408). */
export const CONNECTION_INIT_TIMEOUT_MS = 3_000;

/** yoga's enveloped execute/subscribe, carried to graphql-ws in rootValue (the graphql-ws recipe for envelop). */
interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

/** What yoga.getEnveloped returns (typed loosely by envelop), as this file uses it. */
interface Enveloped extends EnvelopedRoot {
  schema: GraphQLSchema;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
  contextFactory: () => Promise<GraphQLContext>;
}

export interface WebSocketOptions {
  server: Server;
  yoga: YogaServerInstance<ServerContext, GraphQLContext>;
  sql: Sql;
  live: LiveSessions;
  introspection: boolean;
  /** Whether a browser page of this origin may connect (same origin and listed origins; no Origin: not a browser). */
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
}

export function graphqlWebSocketServer(options: WebSocketOptions) {
  const { yoga, sql, live, introspection } = options;
  const wsServer = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: MAX_WS_PAYLOAD_BYTES,
    verifyClient: ({ origin, req }: { origin: string | undefined; req: IncomingMessage }) => options.originAllowed(origin, req.headers.host),
  });
  type Extra = { bearer?: Bearer; untrack?: () => void };
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
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
          return [new GraphQLError('Too many subscriptions on this connection', { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const initial: ServerContext = { req: ctx.extra.request, bearer: ctx.extra.bearer ?? null, transport: 'ws' };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...initial,
          params: payload,
        }) as unknown as Enveloped;
        // Limits (graphql-armor) refuse by throwing from validation: answer that one operation, keep the connection.
        let document: DocumentNode;
        let errors: readonly GraphQLError[];
        try {
          document = parse(payload.query);
          errors = validate(schema, document);
          // yoga's introspection switch acts on HTTP requests only; apply it here too.
          if (!errors.length && !introspection) errors = graphqlValidate(schema, document, [NoSchemaIntrospectionCustomRule]);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Invalid operation')];
        }
        if (errors.length) return errors;
        const args: ExecutionArgs = {
          schema,
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
    /** Open connections. */
    size: () => wsServer.clients.size,
    /** Closes every connection with 1001 and stops taking new ones. */
    async close(): Promise<void> {
      for (const socket of wsServer.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
  };
}
