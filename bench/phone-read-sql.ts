// A phone's read as plain SQL: the four statements Gatehouse sends for `me { devices(first: 10) { ... } }` (the
// bearer's session, the page of devices, their owners and last users, the count), shared by the two servers that do
// the same work without Gatehouse: the baseline (bench/baseline-server.ts) and the stack's floor (bench/yoga-floor.ts).
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** As Gatehouse sends its statements (src/db/sql.ts): named, so PostgreSQL plans each text once per connection. */
export function namedQuery(pool: pg.Pool) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the baseline reads its rows untyped, on purpose
  return <R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) =>
    pool.query<R>({ name: `b_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values });
}

/** The columns of the rows the phone's read uses. */
export interface SessionRow {
  u_id: string;
  u_email: string;
}
export interface DeviceRow {
  id: string;
  name: string | null;
  status: string;
  platform: string;
  model: string | null;
  app_name: string | null;
  last_used_at: Date | null;
  owner_id: string;
  last_user_id: string | null;
}
export interface UserRow {
  id: string;
  email: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const visible = 'd.id in (select du.device_id from device_users du where du.user_id = $1)';

export const PHONE_READ = {
  /** $1: the token's hash. */
  session: `select s.*, u.id as u_id, u.email as u_email from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
  /** $1: the user, $2: the page size plus one. */
  devices: `select d.* from devices d where ${visible} order by d.created_at desc, d.id desc limit $2`,
  /** $1: the owners' and last users' ids. */
  users: 'select id, email, display_name, role, created_at, last_login_at from users where id = any($1::uuid[])',
  /** $1: the user. */
  count: `select count(*)::int as n from devices d where ${visible}`,
};
