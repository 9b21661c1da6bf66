// Scenario 1's and 2's stack floor: graphql-yoga as a straightforward server uses it (graphql-js schema and
// resolvers, yoga's defaults) over the floors' schema (bench/floor-schema.ts), and nothing of Gatehouse's own (no
// Pothos and its plugins, no graphql-jit, no loaders, no security plugins, no ORM pool):
// - without DATABASE_URL, from memory: what the HTTP + GraphQL stack costs before any work;
// - with DATABASE_URL, running the baseline's statements on a `pg.Pool`: the stack plus the work, i.e. the best
//   ratio to the baseline a server built on yoga could reach with no layers of its own.
import { createServer, type IncomingMessage } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { announce, bearer, resolvers, typeDefs, type FloorContext } from './floor-schema.js';

const yoga = createYoga<{ req: IncomingMessage }, FloorContext>({
  schema: createSchema<{ req: IncomingMessage } & FloorContext>({ typeDefs, resolvers }),
  context: ({ request, req }) => ({ token: bearer(request.headers.get('authorization') ?? undefined), address: req.socket.remoteAddress ?? 'unknown' }),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: false,
  // As Gatehouse configures it: its HTTP handler enforces the body limit, so yoga's own (a counting stream through
  // every body, 40% of the memory floor's CPU, measured) is off there and must be off here.
  maxRequestBodySize: false,
});

const server = createServer((req, res) => void yoga(req, res, { req }));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announce(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => process.exit(0));
