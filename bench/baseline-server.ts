// The baseline: the same work as Gatehouse without its layers — node:http, pg and node:crypto running the same
// queries and checks — so the bench's ratios show what yoga, Pothos, MikroORM and our code cost.
// The SQL is the statements Gatehouse sends for the same operation (kept in step by hand when either changes).
// Routes on the GraphQL operationName the load generator sends; answers the same JSON shapes.
import { createHash, createPublicKey, randomBytes, randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import argon2 from 'argon2';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
/** As Gatehouse sends them (src/db/sql.ts): named, so PostgreSQL plans each text once per connection. */
const query = (text: string, values: unknown[] = []) =>
  pool.query({ name: `b_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values });
const keys = new Map<string, KeyObject>();

async function body(req: IncomingMessage): Promise<{ operationName?: string; query: string; variables?: Record<string, any> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const operationOf = (query: string) => query.match(/^\s*(?:query|mutation)\s+(\w+)/)?.[1];
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function challenge(keyId: string) {
  const id = randomUUID();
  const nonce = randomBytes(32).toString('base64url');
  await query(
    `with swept as (delete from device_challenges where id in (select id from device_challenges where expires_at < now() limit 50))
     insert into device_challenges (id, key_id, nonce, created_at, expires_at) values ($1, $2, $3, now(), now() + interval '120 seconds')`,
    [id, keyId, nonce],
  );
  return { data: { deviceChallenge: { challengeId: id, nonce } } };
}

async function loginWithDevice(proof: { keyId: string; challengeId: string; signature: string }) {
  const { rows } = await query(
    `with c as (delete from device_challenges where id = $1 returning key_id, nonce, expires_at)
     select c.key_id as challenge_key_id, c.nonce as challenge_nonce, c.expires_at as challenge_expires_at, d.*
     from c left join devices d on d.key_id = c.key_id`,
    [proof.challengeId],
  );
  const row = rows[0];
  if (!row || row.challenge_key_id !== proof.keyId || row.id == null || row.challenge_expires_at < new Date()) {
    return { data: { loginWithDevice: { __typename: 'InvalidSignature' } } };
  }
  let key = keys.get(proof.keyId);
  if (!key) keys.set(proof.keyId, (key = createPublicKey({ key: row.public_key, format: 'jwk' })));
  const ok = verify('sha256', Buffer.from(row.challenge_nonce), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(proof.signature, 'base64url'));
  if (!ok || row.status !== 'APPROVED') return { data: { loginWithDevice: { __typename: 'InvalidSignature' } } };
  const token = randomBytes(32).toString('base64url');
  // The statement Gatehouse sends (src/sessions/sessions.ts, signInFromDevice): every write in one round trip.
  const { rows: signedIn } = await query(
    `with d as (
       update devices set last_user_id = owner_id, last_used_at = now(), version = version + 1
       where id = $1 and status = 'APPROVED' returning *
     ), u as (
       update users set last_login_at = now() from d where users.id = d.owner_id returning users.id, users.email
     ), s as (
       insert into sessions (id, token_hash, kind, user_id, device_id, created_at, expires_at)
       select $2::uuid, $3::text, 'SESSION', d.owner_id, d.id, now(), now() + interval '30 days' from d
     ), du as (
       insert into device_users (device_id, user_id, first_seen_at, last_seen_at) select d.id, d.owner_id, now(), now() from d
       on conflict (device_id, user_id) do update set last_seen_at = excluded.last_seen_at
     ), e as (
       insert into events (kind, at, actor_id, user_id, device_id, device_name, detail)
       select 'LOGIN_SUCCEEDED', now(), d.owner_id, d.owner_id, d.id, d.name, 'device key' from d
     )
     select d.id, u.email from d, u`,
    [row.id, randomUUID(), hashToken(token)],
  );
  if (!signedIn.length) return { data: { loginWithDevice: { __typename: 'InvalidSignature' } } };
  return { data: { loginWithDevice: { __typename: 'Session', token } } };
}

async function phoneRead(token: string | undefined) {
  const { rows: sessions } = await query(
    `select s.*, u.id as u_id, u.email as u_email from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [hashToken(token ?? '')],
  );
  const session = sessions[0];
  if (!session) return { errors: [{ message: 'Sign in first' }] };
  const visible = 'd.id in (select du.device_id from device_users du where du.user_id = $1)';
  const { rows: devices } = await query(`select d.* from devices d where ${visible} order by d.created_at desc, d.id desc limit $2`, [
    session.u_id,
    11,
  ]);
  const userIds = [...new Set(devices.flatMap((d) => [d.owner_id, d.last_user_id]).filter(Boolean))];
  const { rows: users } = await query('select id, email, display_name, role, created_at, last_login_at from users where id = any($1::uuid[])', [userIds]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const { rows: count } = await query(`select count(*)::int as n from devices d where ${visible}`, [session.u_id]);
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

const server = createServer((req, res) => {
  body(req)
    .then(async (request) => {
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      switch (operationOf(request.query)) {
        case 'Challenge':
          return challenge(request.variables!.keyId);
        case 'KeyLogin':
          return loginWithDevice(request.variables!.proof);
        case 'PhoneRead':
          return phoneRead(token);
        case 'Login':
          return passwordOnly(request.variables!.input.password);
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
