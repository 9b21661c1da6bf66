// The floors' GraphQL: one graphql-js schema (SDL and resolvers) answering the bench's documents with the same
// shapes as Gatehouse, over the baseline's very statements (bench/phone-read-sql.ts, bench/key-sign-in-sql.ts) on a
// `pg.Pool`, or from memory (the phone's read only) without DATABASE_URL. The servers that carry it (yoga, Mercurius
// with its JIT, Apollo Server) differ only in their HTTP and execution path, which is what the floors compare.
import pg from 'pg';
import { keySignIn, type ChallengeResult, type KeyLoginResult, type KeyProof } from './key-sign-in-sql.js';
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

/** The resolvers' work: the signed-in user, a page of their devices with its count, and the key sign-in. */
interface Source {
  me(token: string): Promise<UserNode | null>;
  devices(user: UserNode, first: number): Promise<{ totalCount: number; edges: { node: DeviceNode }[] }>;
  challenge(keyId: string, address: string): Promise<ChallengeResult>;
  loginWithDevice(proof: KeyProof, address: string): Promise<KeyLoginResult>;
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
  const noDatabase = () => Promise.reject(new Error('the key sign-in needs DATABASE_URL'));
  return {
    me: async () => userNode('user-0', 'bench-0@example.com'),
    devices: async () => ({ totalCount: devices.length, edges: devices.map((node) => ({ node })) }),
    challenge: noDatabase,
    loginWithDevice: noDatabase,
  };
}

function statements(databaseUrl: string): Source {
  const query = namedQuery(new pg.Pool({ connectionString: databaseUrl, max: 10 }));
  const signIn = keySignIn(query, Number(process.env.THROTTLE_SCALE ?? 1));
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
    challenge: (keyId, address) => signIn.challenge(keyId, address),
    loginWithDevice: (proof, address) => signIn.loginWithDevice(proof, address),
  };
}

/** What each server's context gives the resolvers: the bearer token and the client's address. */
export interface FloorContext {
  token: string;
  address: string;
}

export const typeDefs = /* GraphQL */ `
  type Query { me: User }
  type Mutation {
    deviceChallenge(keyId: String!): DeviceChallengeResult!
    loginWithDevice(proof: DeviceProof!): LoginWithDeviceResult!
  }
  input DeviceProof { keyId: String! challengeId: String! signature: String! }
  type DeviceChallenge { challengeId: String! nonce: String! }
  type Session { token: String! }
  type TooManyAttempts { message: String! }
  type InvalidSignature { message: String! }
  union DeviceChallengeResult = DeviceChallenge | TooManyAttempts
  union LoginWithDeviceResult = Session | InvalidSignature | TooManyAttempts
  type User { id: ID! email: String! devices(first: Int!): DeviceConnection! }
  type DeviceConnection { totalCount: Int! edges: [DeviceEdge!]! }
  type DeviceEdge { node: Device! }
  type Device { id: ID! name: String status: String! platform: String! model: String appName: String lastUsedAt: String owner: User! lastUser: User }
`;

const source = process.env.DATABASE_URL ? statements(process.env.DATABASE_URL) : memory();
const typename = (value: { __typename: string }) => value.__typename;

export const resolvers = {
  Query: { me: (_: unknown, __: unknown, ctx: FloorContext) => source.me(ctx.token) },
  Mutation: {
    deviceChallenge: (_: unknown, { keyId }: { keyId: string }, ctx: FloorContext) => source.challenge(keyId, ctx.address),
    loginWithDevice: (_: unknown, { proof }: { proof: KeyProof }, ctx: FloorContext) => source.loginWithDevice(proof, ctx.address),
  },
  DeviceChallengeResult: { __resolveType: typename },
  LoginWithDeviceResult: { __resolveType: typename },
  User: { devices: (user: UserNode, { first }: { first: number }) => source.devices(user, first) },
};

export const bearer = (authorization: string | undefined) => authorization?.replace(/^Bearer /, '') ?? '';

/** Prints the line bench/processes.ts waits for. */
export function announce(port: number): void {
  process.stdout.write(`listening on ${port}\n`);
}
