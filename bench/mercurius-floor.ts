// A peer floor: Mercurius on Fastify with its JIT (graphql-jit after the first run of a document), over the floors'
// schema and statements (bench/floor-schema.ts). What a server built on the fastest mainstream Node GraphQL stack
// reaches doing Gatehouse's work with no layers of its own.
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { announce, bearer, resolvers, typeDefs, type FloorContext } from './floor-schema.js';

const app = Fastify({ logger: false });
await app.register(mercurius, {
  schema: typeDefs,
  resolvers: resolvers as unknown as mercurius.IResolvers,
  // Compile a document with graphql-jit from its first repeat on, as Mercurius's docs recommend for hot documents.
  jit: 1,
  path: '/graphql',
  graphiql: false,
  context: (request): FloorContext => ({ token: bearer(request.headers.authorization), address: request.socket.remoteAddress ?? 'unknown' }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0);
process.on('SIGTERM', () => process.exit(0));
