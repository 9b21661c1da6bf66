// A peer floor: Apollo Server 5 standalone (its own node:http integration), over the floors' schema and statements
// (bench/floor-schema.ts).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { announce, bearer, resolvers, typeDefs, type FloorContext } from './floor-schema.js';

const server = new ApolloServer<FloorContext>({ typeDefs, resolvers, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async ({ req }) => ({ token: bearer(req.headers.authorization), address: req.socket.remoteAddress ?? 'unknown' }),
});
announce(Number(new URL(url).port));
process.on('SIGTERM', () => process.exit(0));
