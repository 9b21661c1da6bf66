// Scenario 2's ceiling: graphql-yoga alone answering the phone's read from memory (the same document, the same
// response shape, no database, no plugins), so the bench can show how much of the gap is the HTTP + GraphQL stack
// the project is built on rather than Gatehouse's own layers.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const user = (n: number) => ({ id: `VXNlcjo${n}`, email: `bench-${n}@example.com` });
const devices = Array.from({ length: 10 }, (_, n) => ({
  id: `RGV2aWNlOj${n}`,
  name: `Phone ${n}`,
  status: 'APPROVED',
  platform: 'IOS',
  model: 'iPhone 16',
  appName: 'Bench',
  lastUsedAt: new Date().toISOString(),
  owner: user(n),
  lastUser: user(n + 1),
}));

const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      type Query { me: User }
      type User { id: ID! email: String! devices(first: Int): DeviceConnection! }
      type DeviceConnection { totalCount: Int! edges: [DeviceEdge!]! }
      type DeviceEdge { node: Device! }
      type Device { id: ID! name: String status: String! platform: String! model: String appName: String lastUsedAt: String owner: User! lastUser: User }
    `,
    resolvers: {
      Query: { me: () => ({ ...user(0), devices: { totalCount: devices.length, edges: devices.map((node) => ({ node })) } }) },
    },
  }),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: false,
  // As Gatehouse configures it: its HTTP handler enforces the body limit, so yoga's own (a counting stream through
  // every body, 40% of this floor's CPU, measured) is off there and must be off here.
  maxRequestBodySize: false,
});

const server = createServer((req, res) => void yoga(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => process.exit(0));
