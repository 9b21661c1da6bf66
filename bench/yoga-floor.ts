// Scenario 2's floors: graphql-yoga as a straightforward server uses it (graphql-js schema and resolvers, yoga's
// defaults), answering the phone's read with the same document and response shape as Gatehouse, and nothing of
// Gatehouse's own (no Pothos and its plugins, no graphql-jit, no loaders, no security plugins, no ORM pool):
// - without DATABASE_URL, from memory: what the HTTP + GraphQL stack costs before any work;
// - with DATABASE_URL, running the baseline's four statements (bench/phone-read-sql.ts) on a `pg.Pool`: the stack
//   plus the work, i.e. the best ratio to the baseline a server built on yoga could reach with no layers of its own.
import { createServer } from 'node:http';
import { createSchema, createYoga, type YogaInitialContext } from 'graphql-yoga';
import pg from 'pg';
import { hashToken, namedQuery, PHONE_READ, type DeviceRow, type SessionRow, type UserRow } from './phone-read-sql.js';

interface UserNode {
  /** The database id (for the devices' statements); `id` is the relay id Gatehouse answers with. */
  uuid: string;
  id: string;
  email: string;
}
interface DeviceNode {
  id: string;
  name: string | null;
  status: string;
  platform: string;
  model: string | null;
  appName: string | null;
  lastUsedAt: string | null;
  owner: UserNode | undefined;
  lastUser: UserNode | null | undefined;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const userNode = (id: string, email: string): UserNode => ({ uuid: id, id: globalId('User', id), email });

/** The resolvers' two reads: the signed-in user, and a page of that user's devices with its count. */
interface Source {
  me(token: string): Promise<UserNode | null>;
  devices(user: UserNode, first: number): Promise<{ totalCount: number; edges: { node: DeviceNode }[] }>;
}

function memory(): Source {
  const devices: DeviceNode[] = Array.from({ length: 10 }, (_, n) => ({
    id: globalId('Device', `device-${n}`),
    name: `Phone ${n}`,
    status: 'APPROVED',
    platform: 'IOS',
    model: 'iPhone 16',
    appName: 'Bench',
    lastUsedAt: new Date().toISOString(),
    owner: userNode(`user-${n}`, `bench-${n}@example.com`),
    lastUser: userNode(`user-${n + 1}`, `bench-${n + 1}@example.com`),
  }));
  return {
    me: async () => userNode('user-0', 'bench-0@example.com'),
    devices: async () => ({ totalCount: devices.length, edges: devices.map((node) => ({ node })) }),
  };
}

function statements(databaseUrl: string): Source {
  const query = namedQuery(new pg.Pool({ connectionString: databaseUrl, max: 10 }));
  return {
    async me(token) {
      const { rows } = await query<SessionRow>(PHONE_READ.session, [hashToken(token)]);
      return rows[0] ? userNode(rows[0].u_id, rows[0].u_email) : null;
    },
    async devices(user, first) {
      const [page, count] = await Promise.all([
        query<DeviceRow>(PHONE_READ.devices, [user.uuid, first + 1]),
        query<{ n: number }>(PHONE_READ.count, [user.uuid]),
      ]);
      const ids = [...new Set(page.rows.flatMap((d) => (d.last_user_id ? [d.owner_id, d.last_user_id] : [d.owner_id])))];
      const { rows: users } = await query<UserRow>(PHONE_READ.users, [ids]);
      const byId = new Map(users.map((u) => [u.id, userNode(u.id, u.email)]));
      return {
        totalCount: count.rows[0]?.n ?? 0,
        edges: page.rows.slice(0, first).map((d) => ({
          node: {
            id: globalId('Device', d.id),
            name: d.name,
            status: d.status,
            platform: d.platform,
            model: d.model,
            appName: d.app_name,
            lastUsedAt: d.last_used_at?.toISOString() ?? null,
            owner: byId.get(d.owner_id),
            lastUser: d.last_user_id ? byId.get(d.last_user_id) : null,
          },
        })),
      };
    },
  };
}

const source = process.env.DATABASE_URL ? statements(process.env.DATABASE_URL) : memory();

const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      type Query { me: User }
      type User { id: ID! email: String! devices(first: Int!): DeviceConnection! }
      type DeviceConnection { totalCount: Int! edges: [DeviceEdge!]! }
      type DeviceEdge { node: Device! }
      type Device { id: ID! name: String status: String! platform: String! model: String appName: String lastUsedAt: String owner: User! lastUser: User }
    `,
    resolvers: {
      Query: { me: (_: unknown, __: unknown, { request }: YogaInitialContext) => source.me(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '') },
      User: { devices: (user: UserNode, { first }: { first: number }) => source.devices(user, first) },
    },
  }),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: false,
  // As Gatehouse configures it: its HTTP handler enforces the body limit, so yoga's own (a counting stream through
  // every body, 40% of the memory floor's CPU, measured) is off there and must be off here.
  maxRequestBodySize: false,
});

const server = createServer((req, res) => void yoga(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => process.exit(0));
