// The known-device check: challenges, proofs signed by a device key, and signing in with a proof alone.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainContext } from '../actor.js';
import { UUID, type Sql } from '../db/sql.js';
import {
  ChallengeExpired,
  DeviceBlocked,
  DevicePendingApproval,
  InvalidSignature,
  TooManyAttempts,
  UnknownDevice,
} from '../errors.js';
import { recordEvent } from '../events/events.js';
import { addressKey, throttleFor, type ThrottleKey } from '../sessions/throttle.js';
import { issueWatchToken } from '../sessions/tokens.js';
import { User } from '../users/user.entity.js';
import { Device, DEVICE_COLUMNS, DeviceRow } from './device.entity.js';
import { signatureIsValid, type PublicJwk } from './keys.js';

export const CHALLENGE_TTL_MS = 120_000;

export interface DeviceProof {
  keyId: string;
  challengeId: string;
  signature: string;
}

export interface IssuedChallenge {
  challengeId: string;
  nonce: string;
  expiresAt: Date;
}

/**
 * A fresh challenge for `keyId`. An unknown keyId gets one exactly like a known one (nothing is looked up), so
 * keys cannot be probed. Expired challenges are swept a few at a time as new ones are made.
 */
export async function issueChallenge(dc: DomainContext, keyId: string): Promise<IssuedChallenge | TooManyAttempts> {
  // Capped per client address; every call counts.
  const retryAfter = (await throttleFor(dc)?.take('challenges', dc.meta.ip ?? 'unknown')) ?? 0;
  if (retryAfter > 0) return new TooManyAttempts(retryAfter);
  const challenge = { challengeId: randomUUID(), nonce: randomBytes(32).toString('base64url'), expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) };
  // One statement on every device sign-in: the new challenge, and a few expired ones swept.
  await dc.sql.query(
    `with swept as (delete from device_challenges where id in (select id from device_challenges where expires_at < now() limit 50))
     insert into device_challenges (id, key_id, nonce, created_at, expires_at) values ($1, $2, $3, now(), $4)`,
    [challenge.challengeId, keyId, challenge.nonce, challenge.expiresAt],
  );
  return challenge;
}

interface ConsumedRow {
  challenge_key_id: string;
  challenge_nonce: string;
  challenge_expires_at: Date;
  [column: string]: unknown;
}

/**
 * Consumes the challenge and reads the key's device in one statement (an indexed delete and an indexed read), so
 * a challenge is spent by its first attempt, whatever the outcome: a replayed or raced proof finds it gone.
 * Returns the device whose key made a valid signature, or why there is none.
 */
export async function checkProof(
  sql: Sql,
  proof: DeviceProof,
): Promise<{ device: DeviceRow } | { failure: ChallengeExpired | InvalidSignature | UnknownDevice; device: DeviceRow | null }> {
  // A challenge id that is not a uuid names no challenge (and must not reach PostgreSQL as one).
  if (!UUID.test(proof.challengeId)) return { failure: new ChallengeExpired(), device: null };
  const rows = await sql.query<ConsumedRow>(
    `with c as (delete from device_challenges where id = $1 returning key_id, nonce, expires_at)
     select c.key_id as challenge_key_id, c.nonce as challenge_nonce, c.expires_at as challenge_expires_at,
            ${DEVICE_COLUMNS.map((column) => `d.${column}`).join(', ')}
     from c left join devices d on d.key_id = c.key_id`,
    [proof.challengeId],
  );
  const row = rows[0];
  if (!row) return { failure: new ChallengeExpired(), device: null };
  const { challenge_key_id: keyId, challenge_nonce: nonce, challenge_expires_at: expiresAt, ...deviceColumns } = row;
  if (new Date(expiresAt).getTime() < Date.now()) return { failure: new ChallengeExpired(), device: null };
  // A challenge answers for the key it was issued to, and no other.
  if (keyId !== proof.keyId) return { failure: new InvalidSignature(), device: null };
  if (deviceColumns.id == null) return { failure: new UnknownDevice(), device: null };
  const device = new DeviceRow(deviceColumns);
  if (!signatureIsValid(keyId, device.publicKey as unknown as PublicJwk, nonce, proof.signature)) {
    return { failure: new InvalidSignature(), device };
  }
  return { device };
}

/**
 * checkProof behind the throttle: failed proofs count against the key and the client address, and a held-back
 * key or address is refused before its challenge is even looked at.
 */
export async function checkProofThrottled(dc: DomainContext, proof: DeviceProof): Promise<Awaited<ReturnType<typeof checkProof>> | TooManyAttempts> {
  const throttle = throttleFor(dc);
  const keys: ThrottleKey[] = [['deviceKey', proof.keyId], addressKey(dc)];
  const retryAfter = (await throttle?.retryAfter(keys)) ?? 0;
  if (retryAfter > 0) return new TooManyAttempts(retryAfter);
  const checked = await checkProof(dc.sql, proof);
  if ('failure' in checked) await throttle?.fail(keys);
  return checked;
}

/** The device's row, locked FOR SHARE in the transaction; null once forgotten. */
async function lockedForShare(sql: Sql, tx: EntityManager, id: string): Promise<DeviceRow | null> {
  const [row] = await sql.queryIn(tx, `select ${DEVICE_COLUMNS.join(', ')} from devices where id = $1 for share`, [id]);
  return row ? new DeviceRow(row) : null;
}

/**
 * The known-device check: succeeds only for an APPROVED device whose key signed the challenge. Every outcome is
 * recorded (DEVICE_VERIFIED / DEVICE_VERIFICATION_FAILED).
 */
export async function verifyDevice(
  dc: DomainContext,
  proof: DeviceProof,
): Promise<
  { device: DeviceRow } | ChallengeExpired | InvalidSignature | UnknownDevice | DevicePendingApproval<DeviceRow> | DeviceBlocked | TooManyAttempts
> {
  const checked = await checkProofThrottled(dc, proof);
  if (checked instanceof TooManyAttempts) return checked;
  return dc.em.transactional(async (tx) => {
    // A valid proof's outcome is decided on the device's row locked first in this transaction (FOR SHARE: proofs of
    // one device do not wait on each other): a block or forget under way ends first and is seen here, and this
    // event follows it in the log (which orders by transaction id, given at a transaction's first lock or write:
    // docs/event-log.md). A failed proof records the attempt only and decides nothing.
    const device = 'failure' in checked ? checked.device : await lockedForShare(dc.sql, tx, checked.device.id);
    const failure =
      'failure' in checked
        ? checked.failure
        : !device
          ? new UnknownDevice()
          : device.status === 'PENDING'
          ? new DevicePendingApproval(device, issueWatchToken(tx, tx.getReference(User, device.owner.id), tx.getReference(Device, device.id)))
          : device.status === 'BLOCKED'
            ? new DeviceBlocked()
            : null;
    recordEvent(tx, dc, {
      kind: failure ? 'DEVICE_VERIFICATION_FAILED' : 'DEVICE_VERIFIED',
      userId: (device ?? checked.device)?.owner.id ?? null,
      device,
      detail: failure ? failure.code : `key ${proof.keyId}`,
    });
    return failure ?? { device: device! };
  });
}
