// The baseline: the same work as Gatehouse without its layers — node:http, pg and node:crypto running the same
// queries and checks — so the bench's ratios show what yoga, Pothos, MikroORM and our code cost.
// The SQL is the statements Gatehouse sends for the same operation (kept in step by hand when either changes).
// Routes on the GraphQL operationName the load generator sends; answers the same JSON shapes.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import argon2 from 'argon2';
import pg from 'pg';
import { keySignIn, type KeyProof } from './key-sign-in-sql.js';
import { hashToken, namedQuery, PHONE_READ } from './phone-read-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const query = namedQuery(pool);

async function body(req: IncomingMessage): Promise<{ operationName?: string; query: string; variables?: Record<string, any> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const operationOf = (query: string) => query.match(/^\s*(?:query|mutation)\s+(\w+)/)?.[1];

const THROTTLE_SCALE = Number(process.env.THROTTLE_SCALE ?? 1);
const signIn = keySignIn(query, THROTTLE_SCALE);
const heldBack = signIn.heldBack;

async function challenge(keyId: string, address: string) {
  return { data: { deviceChallenge: await signIn.challenge(keyId, address) } };
}

async function loginWithDevice(proof: KeyProof, address: string) {
  return { data: { loginWithDevice: await signIn.loginWithDevice(proof, address) } };
}

async function phoneRead(token: string | undefined) {
  const { rows: sessions } = await query(PHONE_READ.session, [hashToken(token ?? '')]);
  const session = sessions[0];
  if (!session) return { errors: [{ message: 'Sign in first' }] };
  const { rows: devices } = await query(PHONE_READ.devices, [session.u_id, 11]);
  const userIds = [...new Set(devices.flatMap((d) => [d.owner_id, d.last_user_id]).filter(Boolean))];
  const { rows: users } = await query(PHONE_READ.users, [userIds]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const { rows: count } = await query(PHONE_READ.count, [session.u_id]);
  return {
    data: {
      me: {
        id: session.u_id,
        devices: {
          totalCount: count[0].n,
          edges: devices.slice(0, 10).map((d) => ({
            node: {
              id: d.id,
              name: d.name,
              status: d.status,
              platform: d.platform,
              model: d.model,
              appName: d.app_name,
              lastUsedAt: d.last_used_at,
              owner: byId.get(d.owner_id) ?? null,
              lastUser: d.last_user_id ? (byId.get(d.last_user_id) ?? null) : null,
            },
          })),
        },
      },
    },
  };
}

/** Scenario 3's floor: a bare argon2id verify on the same thread pool, nothing else. */
let storedHash: string | undefined;
async function passwordOnly(password: string) {
  if (!storedHash) {
    const { rows } = await query("select password_hash from users where email = 'bench-0@example.com'");
    storedHash = rows[0].password_hash as string;
  }
  const ok = await argon2.verify(storedHash, password);
  return { data: { login: { __typename: ok ? 'Session' : 'InvalidCredentials' } } };
}

/**
 * Scenario 3's second floor: a whole password sign-in from an approved device without Gatehouse's layers: the
 * throttle's reads, the account and its device in one read, the verify, the throttle's clear, and the statement
 * that writes the session, the device's and the user's last use, the device link and the event (as
 * src/sessions/sessions.ts sends them). It shows what any implementation of the sign-in costs beside the hash.
 */
async function passwordSignIn(input: { email: string; password: string; device: { installationId: string; platform: string } }, address: string) {
  if ((await heldBack([`account:${input.email}`, `address:${address}`])) > 0) return { data: { login: { __typename: 'TooManyAttempts' } } };
  const { rows } = await query(
    `select u.id, u.email, u.password_hash, d.id as device_id, d.status as device_status
     from users u left join devices d on d.installation_id = $2 where u.email = $1`,
    [input.email, input.device.installationId],
  );
  const account = rows[0];
  if (!(await argon2.verify(account?.password_hash ?? storedHash ?? '', input.password)) || !account) {
    return { data: { login: { __typename: 'InvalidCredentials' } } };
  }
  if (THROTTLE_SCALE) await query('DELETE FROM "rate_limits" WHERE key = $1', [`fail:account:${input.email}`]);
  if (account.device_status !== 'APPROVED') return { data: { login: { __typename: 'DevicePendingApproval' } } };
  const token = randomBytes(32).toString('base64url');
  const { rows: signedIn } = await query(
    `with d as (
       update devices set last_user_id = $2, last_used_at = $1, version = version + 1,
         platform = $6, os_version = null, model = null, app_name = null, app_version = null
       where id = $3 and status = 'APPROVED' returning *
     ), u as (
       update users set last_login_at = $1 from d where users.id = $2 returning users.id, users.email
     ), s as (
       insert into sessions (id, token_hash, kind, user_id, device_id, created_at, expires_at)
       select $4::uuid, $5::text, 'SESSION', $2, d.id, $1, $1 + interval '30 days' from d
     ), du as (
       insert into device_users (device_id, user_id, first_seen_at, last_seen_at) select d.id, $2, $1, $1 from d
       on conflict (device_id, user_id) do update set last_seen_at = excluded.last_seen_at
     ), e as (
       insert into events (kind, at, actor_id, user_id, device_id, device_name, from_status, to_status, ip, user_agent, detail)
       select 'LOGIN_SUCCEEDED', $1, $2, $2, d.id, d.name, null, null, $7, null, null from d
     )
     select d.id, u.email from d, u`,
    [new Date(), account.id, account.device_id, randomUUID(), hashToken(token), input.device.platform, address],
  );
  if (!signedIn.length) return { data: { login: { __typename: 'InvalidCredentials' } } };
  return { data: { login: { __typename: 'Session', token } } };
}

const server = createServer((req, res) => {
  body(req)
    .then(async (request) => {
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      switch (operationOf(request.query)) {
        case 'Challenge':
          return challenge(request.variables!.keyId, req.socket.remoteAddress ?? 'unknown');
        case 'KeyLogin':
          return loginWithDevice(request.variables!.proof, req.socket.remoteAddress ?? 'unknown');
        case 'PhoneRead':
          return phoneRead(token);
        case 'Login':
          // `?work=signIn`: the whole sign-in; otherwise the bare verify.
          return req.url?.includes('work=signIn')
            ? passwordSignIn(request.variables!.input, req.socket.remoteAddress ?? 'unknown')
            : passwordOnly(request.variables!.input.password);
        default:
          return { errors: [{ message: 'unknown operation' }] };
      }
    })
    .then(
      (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      (error: Error) => res.writeHead(500).end(error.message),
    );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
