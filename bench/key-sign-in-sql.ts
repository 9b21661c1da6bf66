// A device's key sign-in as plain SQL and node:crypto: the throttle's statements, the challenge, and the one statement
// that writes the session (as src/sessions/sessions.ts sends them), shared by the servers that do Gatehouse's work
// without Gatehouse: the baseline (bench/baseline-server.ts) and the peer floors (bench/floor-schema.ts).
import { createPublicKey, randomBytes, randomUUID, verify, type KeyObject } from 'node:crypto';
import { hashToken, type namedQuery } from './phone-read-sql.js';

type Query = ReturnType<typeof namedQuery>;

export interface KeyProof {
  keyId: string;
  challengeId: string;
  signature: string;
}

export type ChallengeResult = { __typename: 'DeviceChallenge'; challengeId: string; nonce: string } | { __typename: 'TooManyAttempts' };
export type KeyLoginResult = { __typename: 'Session'; token: string } | { __typename: 'InvalidSignature' | 'TooManyAttempts' };

/**
 * Sign-in throttling as Gatehouse runs it in the bench (on, with allowances raised so that nothing is held back):
 * the statements rate-limiter-flexible sends for src/sessions/throttle.ts, with its key layout.
 */
const THROTTLE_GET = 'SELECT points, expire FROM "rate_limits" WHERE key = $1 AND (expire > $2 OR expire IS NULL);';
const THROTTLE_COUNT = `INSERT INTO "rate_limits" VALUES ($1, $2, $3)
  ON CONFLICT(key) DO UPDATE SET
    points = CASE WHEN ("rate_limits".expire <= $4 OR 1=0) THEN $2 ELSE "rate_limits".points + ($2) END,
    expire = CASE WHEN "rate_limits".expire <= $4 THEN $3 ELSE "rate_limits".expire END
  RETURNING points, expire;`;

export function keySignIn(query: Query, throttleScale: number) {
  const keys = new Map<string, KeyObject>();

  /** Seconds until every one of these keys may go on; 0 when none is held back. */
  async function heldBack(names: string[]): Promise<number> {
    if (!throttleScale) return 0;
    const rows = await Promise.all(names.map((key) => query(THROTTLE_GET, [`block:${key}`, Date.now()])));
    return Math.max(0, ...rows.flatMap((r) => r.rows.map((row) => (row.points > 0 ? Number(row.expire) - Date.now() : 0))));
  }

  /** A capped key: counts the call; true when it is past the allowance (120 a minute, raised as throttleScale raises it). */
  async function overCap(key: string, allowed: number, windowMs: number): Promise<boolean> {
    if (!throttleScale) return false;
    const { rows } = await query(THROTTLE_COUNT, [`cap:${key}`, 1, Date.now() + windowMs, Date.now()]);
    return rows[0].points > allowed;
  }

  return {
    heldBack,

    async challenge(keyId: string, address: string): Promise<ChallengeResult> {
      if (await overCap(`challenges:${address}`, 120 * throttleScale, 60_000)) return { __typename: 'TooManyAttempts' };
      const id = randomUUID();
      const nonce = randomBytes(32).toString('base64url');
      await query(
        `with swept as (delete from device_challenges where id in (select id from device_challenges where expires_at < now() limit 50))
         insert into device_challenges (id, key_id, nonce, created_at, expires_at) values ($1, $2, $3, now(), now() + interval '120 seconds')`,
        [id, keyId, nonce],
      );
      return { __typename: 'DeviceChallenge', challengeId: id, nonce };
    },

    async loginWithDevice(proof: KeyProof, address: string): Promise<KeyLoginResult> {
      if ((await heldBack([`deviceKey:${proof.keyId}`, `address:${address}`])) > 0) return { __typename: 'TooManyAttempts' };
      const { rows } = await query(
        `with c as (delete from device_challenges where id = $1 returning key_id, nonce, expires_at)
         select c.key_id as challenge_key_id, c.nonce as challenge_nonce, c.expires_at as challenge_expires_at, d.*
         from c left join devices d on d.key_id = c.key_id`,
        [proof.challengeId],
      );
      const row = rows[0];
      if (!row || row.challenge_key_id !== proof.keyId || row.id == null || row.challenge_expires_at < new Date()) {
        return { __typename: 'InvalidSignature' };
      }
      let key = keys.get(proof.keyId);
      if (!key) keys.set(proof.keyId, (key = createPublicKey({ key: row.public_key, format: 'jwk' })));
      const ok = verify('sha256', Buffer.from(row.challenge_nonce), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(proof.signature, 'base64url'));
      if (!ok || row.status !== 'APPROVED') return { __typename: 'InvalidSignature' };
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
      if (!signedIn.length) return { __typename: 'InvalidSignature' };
      return { __typename: 'Session', token };
    },
  };
}
