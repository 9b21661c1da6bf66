// Bench data: users and key-bound devices for the load scenarios, and the large datasets of the growth scenario,
// written with server-side generate_series so a million rows take seconds, not minutes.
import { generateKeyPairSync, createHash, type KeyObject } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../src/sessions/passwords.js';

export interface BenchDevice {
  userEmail: string;
  keyId: string;
  privateKey: KeyObject;
  installationId: string;
}

export const BENCH_PASSWORD = 'bench-password-123';

function thumbprint(jwk: { crv: string; x: string; y?: string }): string {
  return createHash('sha256').update(`{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`).digest('base64url');
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Table statistics for what was just written, as autovacuum gathers them in production within a minute of a bulk
 * change. Without this a scenario ran on whatever statistics autovacuum had reached: until its analyze, PostgreSQL
 * planned a phone's device list as a walk of every device (1.4 ms a read at 1,000 devices, against 0.1 after), and
 * the run changed plan part-way whenever that analyze landed. Analyzing invalidates the plans servers had prepared.
 */
async function analyze(c: pg.Client): Promise<void> {
  await c.query('analyze users, devices, device_users, sessions');
}

/** `count` users, each with one APPROVED ES256-bound device; returns the keys for the load generator. */
export async function seedKeyedDevices(url: string, count: number): Promise<BenchDevice[]> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const devices: BenchDevice[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' }) as { crv: string; x: string; y: string };
    const keyId = thumbprint(jwk);
    const device = { userEmail: `bench-${i}@example.com`, keyId, privateKey, installationId: `bench-install-${i}` };
    devices.push(device);
    rows.push([device.userEmail, keyId, JSON.stringify({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }), device.installationId]);
  }
  await withClient(url, async (c) => {
    await c.query('begin');
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const params = batch.flat();
      const values = batch.map((_, j) => `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}::jsonb, $${j * 4 + 4})`).join(',');
      await c.query(
        `with input(email, key_id, public_key, installation_id) as (values ${values}),
         u as (
           insert into users (id, email, role, password_hash, created_at)
           select gen_random_uuid(), email, 'USER', '${hash}', now() from input returning id, email
         ),
         d as (
           insert into devices (id, installation_id, status, platform, owner_id, created_at, status_changed_at, key_id, key_algorithm, public_key, version, has_push_token)
           select gen_random_uuid(), i.installation_id, 'APPROVED', 'IOS', u.id, now(), now(), i.key_id, 'ES256', i.public_key, 1, false
           from input i join u on u.email = i.email returning id, owner_id
         )
         insert into device_users (device_id, user_id, first_seen_at, last_seen_at) select id, owner_id, now(), now() from d`,
        params,
      );
    }
    await c.query('commit');
    await analyze(c);
  });
  return devices;
}

/**
 * Scenario 2's readers: for each token, a user (of the bench users) with a session for it, who has used ten devices
 * of other owners (the last user of each). Returns nothing; the tokens are the callers' own.
 */
export async function seedPhoneReaders(url: string, tokens: string[]): Promise<void> {
  await withClient(url, async (c) => {
    const { rows: users } = await c.query<{ id: string }>(`select id from users where email like 'bench-%' order by email limit $1`, [tokens.length]);
    const { rows: owned } = await c.query<{ id: string }>('select id from devices');
    for (const [i, token] of tokens.entries()) {
      const user = users[i]!.id;
      await c.query(
        "insert into sessions (id, token_hash, kind, user_id, created_at, expires_at) values (gen_random_uuid(), $1, 'SESSION', $2, now(), now() + interval '1 day')",
        [createHash('sha256').update(token).digest('hex'), user],
      );
      const used = owned.slice(i + 1, i + 10).map((device) => device.id);
      await c.query(
        `insert into device_users (device_id, user_id, first_seen_at, last_seen_at)
         select id, $2, now(), now() from unnest($1::uuid[]) as id on conflict do nothing`,
        [used, user],
      );
      await c.query('update devices set last_user_id = $2, last_used_at = now() where id = any($1::uuid[])', [used, user]);
    }
    await analyze(c);
  });
}

export interface GrowthSize {
  users: number;
  devices: number;
  events: number;
}

/**
 * A dataset of the given size: users, devices (a tenth PENDING) spread over them, and events spread over both.
 * Events are bulk-loaded with their positions given directly (the sequencer gives none: they have them).
 */
export async function seedGrowth(url: string, size: GrowthSize): Promise<void> {
  const hash = await hashPassword(BENCH_PASSWORD);
  await withClient(url, async (c) => {
    await c.query(`insert into users (id, email, role, password_hash, created_at)
      select gen_random_uuid(), 'growth-' || g || '@example.com', 'USER', '${hash}', now() - (g || ' seconds')::interval
      from generate_series(1, ${size.users}) g`);
    await c.query(`create temporary table user_ids as select row_number() over () as n, id from users`);
    await c.query(`insert into devices (id, installation_id, status, platform, owner_id, created_at, status_changed_at, version, has_push_token, name, model)
      select gen_random_uuid(), 'growth-install-' || g,
        case when g % 10 = 0 then 'PENDING' when g % 97 = 0 then 'BLOCKED' else 'APPROVED' end,
        (array['ANDROID','IOS','IPADOS','WINDOWS','MACOS','LINUX','WEB','OTHER'])[1 + g % 8],
        u.id, now() - (g || ' seconds')::interval, now(), 1, false, 'Device ' || g, 'Model ' || (g % 50)
      from generate_series(1, ${size.devices}) g join user_ids u on u.n = 1 + g % ${size.users}`);
    await c.query(`insert into device_users (device_id, user_id, first_seen_at, last_seen_at)
      select id, owner_id, created_at, created_at from devices`);
    await c.query(`insert into events (kind, position, at, user_id, device_id, device_name, detail)
      select (array['LOGIN_SUCCEEDED','DEVICE_REGISTERED','DEVICE_APPROVED','LOGIN_FAILED'])[1 + g % 4], g,
        now() - ((${size.events} - g) || ' milliseconds')::interval,
        u.id, null, 'Device ' || g, 'seeded'
      from generate_series(1, ${size.events}) g join user_ids u on u.n = 1 + g % ${size.users}`);
    // As autovacuum would soon after a bulk load: statistics, and the GIN search indexes' pending entries merged.
    await c.query('vacuum analyze');
  });
}
