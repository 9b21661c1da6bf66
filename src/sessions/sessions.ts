// Sessions: signing in (with the device approval gate), signing out, and resolving a bearer token.
import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { resolveApiKey } from '../apikeys/apikeys.js';
import { API_KEY_PREFIX } from '../apikeys/apikey.entity.js';
import { requireActor, type Actor, type DomainContext, type WatchGrant } from '../actor.js';
import type {
  ChallengeExpired,
  UnknownDevice} from '../errors.js';
import {
  DeviceAlreadyRegistered,
  DeviceBlocked,
  DeviceLimitReached,
  InvalidSignature,
  TooManyAttempts,
  DevicePendingApproval,
  DeviceRequired,
  InvalidCredentials,
  InvalidEnrolmentCode,
  type DomainError,
} from '../errors.js';
import { Device, DEVICE_COLUMNS, DeviceRow } from '../devices/device.entity.js';
import { createDevice, metadataOf, recordDeviceUse, type DeviceDetails } from '../devices/devices.js';
import { canonicalJwk, thumbprint } from '../devices/keys.js';
import { checkProofThrottled, type DeviceProof } from '../devices/verification.js';
import { addressKey, throttleFor, type ThrottleKey } from './throttle.js';
import { eventInsert, recordEvent, type EventInput } from '../events/events.js';
import type { Row, Sql } from '../db/sql.js';
import { currentPolicy } from '../policy/policy.js';
import { User, UserRow, USER_COLUMNS, type UserView } from '../users/user.entity.js';
import { normaliseEmail } from '../users/users.js';
import { verifyPassword } from './passwords.js';
import { Session, type SessionKind, type SessionView } from './session.entity.js';
import { hashToken, issueSession, issueWatchToken, newSessionToken, type IssuedSession } from './tokens.js';

const days = (n: number) => n * 86_400_000;

export interface LoginInput {
  email: string;
  password: string;
  device?: DeviceDetails | null | undefined;
  /** Required once the installation has a key: a signed fresh challenge, so the installation id alone is not enough. */
  proof?: DeviceProof | null | undefined;
  /** Approves a new device when valid for this user (spending one use); ignored for a device already registered. */
  enrolmentCode?: string | null | undefined;
}

type LoginOutcome =
  | IssuedSession
  | TooManyAttempts
  | InvalidCredentials
  | DeviceRequired
  | DevicePendingApproval<Device>
  | DeviceBlocked
  | DeviceLimitReached
  | ChallengeExpired
  | InvalidSignature
  | UnknownDevice
  | InvalidEnrolmentCode;

/** Records a refused sign-in in its own transaction (nothing else is written), then returns the refusal. */
async function refuse<E extends DomainError>(
  dc: DomainContext,
  error: E,
  event: { kind: 'LOGIN_FAILED' | 'LOGIN_DENIED' | 'ENROLMENT_FAILED'; userId: string | null; device?: EventInput['device']; detail: string },
): Promise<E> {
  await dc.em.transactional(async (tx) => {
    recordEvent(tx, dc, { ...event, actorId: event.userId });
  });
  return error;
}

/**
 * Signs in with email and password. With a device: an unknown installation is registered to this user (PENDING
 * while approval is required), and only an APPROVED device gets a session, bound to it. Without one: admins and SUPPORT only (a dashboard session).
 * Returns the session or the expected refusal (each refusal recorded as an event).
 */
export async function login(
  dc: DomainContext,
  input: LoginInput,
): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email);
  const throttle = throttleFor(dc);
  const keys: ThrottleKey[] = [['account', email], addressKey(dc)];
  const retryAfter = (await throttle?.retryAfter(keys)) ?? 0;
  if (retryAfter > 0) return new TooManyAttempts(retryAfter);
  const { row, device: existing } = await readAccount(dc, email, input.device?.installationId);
  const user = row ? new UserRow(row) : null;
  // An unknown email costs one argon2 verify too, and gets the same answer as a wrong password.
  if (!(await verifyPassword((row?.password_hash as string | undefined) ?? null, input.password)) || !user) {
    await throttle?.fail(keys);
    return refuse(dc, new InvalidCredentials(), {
      kind: 'LOGIN_FAILED',
      userId: user?.id ?? null,
      detail: user ? 'wrong password' : `unknown email ${email.slice(0, 254)}`,
    });
  }
  // A bad enrolment code counts as a failed sign-in: the account's failures are cleared only once it is known good.
  if (!input.enrolmentCode) await throttle?.clear([['account', email]]);
  const details = input.device;
  if (!details) {
    if (user.role === 'USER') {
      return refuse(dc, new DeviceRequired(), { kind: 'LOGIN_DENIED', userId: user.id, detail: 'device required' });
    }
    return dc.em.transactional(async (tx) => {
      const admin = await tx.findOneOrFail(User, user.id);
      const issued = issueSession(tx, admin, null, days(dc.settings.sessionTtlDays));
      tx.assign(admin, { lastLoginAt: new Date() });
      recordEvent(tx, dc, { kind: 'LOGIN_SUCCEEDED', actorId: user.id, userId: user.id, detail: 'dashboard session' });
      return issued;
    });
  }
  if (!input.enrolmentCode) return signInWithDevice(dc, user, details, input.proof, existing);
  const outcome = await signInWithDevice(dc, user, details, input.proof, existing, input.enrolmentCode);
  if (outcome instanceof InvalidEnrolmentCode) await throttle?.fail(keys);
  else await throttle?.clear([['account', email]]);
  return outcome;
}

/** Thrown (inside loginFromDevice's transaction) when the device found is not the one whose key was checked. */
class DeviceChanged extends Error {}

/**
 * Signs `user` in from the device `details` names; `existing` is that device as read (null: none was recorded).
 * The device's key is checked against the device as read; should another sign-in record the installation after
 * that read (two first sign-ins racing), loginFromDevice finds a device that was not checked, and the sign-in starts
 * again from a fresh read, so that the winner's key binds the loser like any later sign-in.
 */
async function signInWithDevice(
  dc: DomainContext,
  user: UserRow,
  details: DeviceDetails,
  proof: DeviceProof | null | undefined,
  existing: DeviceRow | null,
  enrolmentCode?: string | null,
  attempt = 1,
): Promise<LoginOutcome> {
  const keyRefusal = existing && (await checkDeviceKey(dc, existing, details, proof));
  if (keyRefusal) {
    return refuse(dc, keyRefusal, { kind: 'LOGIN_DENIED', userId: user.id, device: existing, detail: keyRefusal.code });
  }
  // The usual case, an approved device signing in again, in one statement; anything else below, in the ORM.
  if (existing?.status === 'APPROVED') {
    const issued = await signInFromDevice(dc, existing.id, user.id, { details, detail: null });
    if (issued) return issued;
  }
  try {
    return await loginFromDevice(dc, user, details, existing?.id ?? null, enrolmentCode);
  } catch (e) {
    if ((e instanceof UniqueConstraintViolationException || e instanceof DeviceChanged) && attempt < 3) {
      const [row] = await dc.sql.query(`select ${DEVICE_COLUMNS.join(', ')} from devices where installation_id = $1`, [details.installationId]);
      return signInWithDevice(dc, user, details, proof, row ? new DeviceRow(row) : null, enrolmentCode, attempt + 1);
    }
    if (e instanceof InvalidEnrolmentCode) {
      // Nothing was written (the registration rolled back); the attempt is recorded, without the code.
      return refuse(dc, e, { kind: 'ENROLMENT_FAILED', userId: user.id, detail: e.reason });
    }
    if (e instanceof DeviceAlreadyRegistered) {
      return refuse(dc, new InvalidSignature('This key is already bound to another device'), {
        kind: 'LOGIN_DENIED',
        userId: user.id,
        detail: 'key bound to another device',
      });
    }
    if (e instanceof DeviceLimitReached) {
      return refuse(dc, e, { kind: 'LOGIN_DENIED', userId: user.id, detail: 'device limit reached' });
    }
    throw e;
  }
}

/** The columns a statement returned as `"<prefix>.<column>"` (a joined table's), as a row of their own. */
function joined(row: Row, prefix: string, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[`${prefix}.${c}`]]));
}

const ACCOUNT_COLUMNS = `${USER_COLUMNS.map((c) => `u.${c}`).join(', ')}, u.password_hash`;
const DEVICE_OF_ACCOUNT = DEVICE_COLUMNS.map((c) => `d.${c} as "device.${c}"`).join(', ');

/**
 * The account signing in (with its password hash) and, in the same round trip, the device it names, if recorded.
 * The device is read before the password is checked, but only used after; whatever changes in between is settled
 * where it matters, in the conditional writes of signInFromDevice and the locked re-read of loginFromDevice.
 */
async function readAccount(
  dc: DomainContext,
  email: string,
  installationId: string | undefined,
): Promise<{ row: Record<string, unknown> | undefined; device: DeviceRow | null }> {
  if (installationId === undefined) {
    const [row] = await dc.sql.query(`select ${ACCOUNT_COLUMNS} from users u where u.email = $1`, [email]);
    return { row, device: null };
  }
  const [row] = await dc.sql.query(
    `select ${ACCOUNT_COLUMNS}, ${DEVICE_OF_ACCOUNT} from users u left join devices d on d.installation_id = $2 where u.email = $1`,
    [email, installationId],
  );
  const device = row?.['device.id'] ? new DeviceRow(joined(row, 'device', DEVICE_COLUMNS)) : null;
  return { row, device };
}

/**
 * Once an installation has a key, the installation id alone no longer stands for the device: the sign-in must carry
 * a valid proof by that key (the challenge is spent either way), and no other key may be presented for it. A key is
 * bound only when a device registers, so a keyless installation cannot take one on later.
 */
async function checkDeviceKey(
  dc: DomainContext,
  existing: DeviceRow,
  details: DeviceDetails,
  proof: DeviceProof | null | undefined,
): Promise<ChallengeExpired | InvalidSignature | UnknownDevice | TooManyAttempts | null> {
  const presented = details.publicKey ? thumbprint(canonicalJwk(details.publicKey)) : null;
  if (!existing.keyId) {
    return presented ? new InvalidSignature('This installation was registered without a key; a key is bound only when a device registers') : null;
  }
  if (presented && presented !== existing.keyId) return new InvalidSignature('This installation is bound to a different key');
  if (!proof) return new InvalidSignature('This device signs in with its key: send a proof of a fresh challenge');
  const checked = await checkProofThrottled(dc, proof);
  if (checked instanceof TooManyAttempts) return checked;
  if ('failure' in checked) return checked.failure;
  return checked.device.id === existing.id ? null : new InvalidSignature();
}

/** Signs in the owner of an APPROVED device with a proof by its key alone: "log in from registered devices only". */
export async function loginWithDevice(
  dc: DomainContext,
  proof: DeviceProof,
): Promise<
  IssuedSession | ChallengeExpired | InvalidSignature | UnknownDevice | DevicePendingApproval<Device> | DeviceBlocked | TooManyAttempts
> {
  const checked = await checkProofThrottled(dc, proof);
  if (checked instanceof TooManyAttempts) return checked;
  if ('failure' in checked) {
    return refuse(dc, checked.failure, {
      kind: 'LOGIN_FAILED',
      userId: checked.device?.owner.id ?? null,
      device: checked.device,
      detail: `device key: ${checked.failure.code}`,
    });
  }
  if (checked.device.status === 'APPROVED') {
    const issued = await signInFromDevice(dc, checked.device.id, checked.device.owner.id, { details: null, detail: 'device key' });
    if (issued) return issued;
  }
  // Not approved (or no longer, since the proof was read): decided and recorded on the locked, re-read device.
  return dc.em.transactional(async (tx) => {
    // Locked (and re-read): concurrent sign-ins from one device update it one after the other.
    const device = await tx.findOneOrFail(Device, checked.device.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const owner = await tx.findOneOrFail(User, device.owner.id);
    if (device.status !== 'APPROVED') {
      recordEvent(tx, dc, { kind: 'LOGIN_DENIED', actorId: owner.id, userId: owner.id, device, fromStatus: device.status, detail: 'device key' });
      return device.status === 'BLOCKED' ? new DeviceBlocked() : new DevicePendingApproval(device, issueWatchToken(tx, owner, device));
    }
    const issued = issueSession(tx, owner, device, days(dc.settings.sessionTtlDays));
    await recordDeviceUse(tx, device, owner);
    tx.assign(owner, { lastLoginAt: new Date() });
    recordEvent(tx, dc, { kind: 'LOGIN_SUCCEEDED', actorId: owner.id, userId: owner.id, device, detail: 'device key' });
    return issued;
  });
}

/** Device metadata a sign-in refreshes, as columns (recordDeviceUse does the same through the ORM). */
const METADATA_COLUMNS = {
  platform: 'platform',
  osVersion: 'os_version',
  model: 'model',
  appName: 'app_name',
  appVersion: 'app_version',
  pushToken: 'push_token',
  hasPushToken: 'has_push_token',
} as const;

/**
 * A sign-in from an approved device as one statement (one round trip, one implicit transaction): every write is
 * conditional on the device still being APPROVED as the update finds it, row-locked, so a concurrent block either
 * comes first (nothing is written: null, and the caller takes the ORM path) or revokes this session with the others.
 * It writes what that path writes: the session, the device's last use (and fresh metadata from a password sign-in),
 * the user's link to the device, the user's last sign-in and the event. The event names the device as read before.
 */
async function signInFromDevice(
  dc: DomainContext,
  deviceId: string,
  userId: string,
  use: { details: DeviceDetails | null; detail: string | null },
): Promise<IssuedSession | null> {
  const token = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days(dc.settings.sessionTtlDays));
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const [at, id, user] = [`${param(now)}::timestamptz`, `${param(deviceId)}::uuid`, `${param(userId)}::uuid`];
  const metadata = use.details ? Object.entries(metadataOf(use.details)) : [];
  const sets = metadata.map(([field, value]) => `${METADATA_COLUMNS[field as keyof typeof METADATA_COLUMNS]} = ${param(value)}`);
  const event = eventInsert(dc, { kind: 'LOGIN_SUCCEEDED', actorId: userId, userId, device: { id: deviceId }, detail: use.detail }, now, param, {
    deviceName: 'd.name',
  });
  const [row] = await dc.sql.query(
    `with d as (
       update devices set last_user_id = ${user}, last_used_at = ${at}, stale = false, version = version + 1${sets.map((set) => `, ${set}`).join('')}
       where id = ${id} and status = 'APPROVED' returning ${DEVICE_COLUMNS.join(', ')}
     ), u as (
       update users set last_login_at = ${at} from d where users.id = ${user} returning ${USER_COLUMNS.map((c) => `users.${c}`).join(', ')}
     ), s as (
       insert into sessions (id, token_hash, kind, user_id, device_id, created_at, expires_at)
       select ${param(randomUUID())}::uuid, ${param(hashToken(token))}::text, 'SESSION', ${user}, d.id, ${at}, ${param(expiresAt)}::timestamptz from d
     ), du as (
       insert into device_users (device_id, user_id, first_seen_at, last_seen_at) select d.id, ${user}, ${at}, ${at} from d
       on conflict (device_id, user_id) do update set last_seen_at = excluded.last_seen_at
     ), e as (
       insert into events (${event.columns}) select ${event.values} from d
     )
     select ${DEVICE_COLUMNS.map((c) => `d.${c}`).join(', ')}, ${USER_COLUMNS.map((c) => `u.${c} as "user.${c}"`).join(', ')} from d, u`,
    params,
  );
  if (!row) return null;
  return { token, session: { expiresAt, user: new UserRow(joined(row, 'user', USER_COLUMNS)), device: new DeviceRow(row) } };
}

/** The ORM path of a device sign-in; `checked` is the device whose key signInWithDevice checked (null: none). */
async function loginFromDevice(
  dc: DomainContext,
  signingIn: UserView,
  details: DeviceDetails,
  checked: string | null,
  enrolmentCode: string | null | undefined,
) {
  const policy = await currentPolicy(dc.em);
  const outcome = await dc.em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, signingIn.id);
    // Locked: concurrent sign-ins from one device update it one after the other.
    const existing = await tx.findOne(
      Device,
      { installationId: details.installationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (existing && existing.id !== checked) throw new DeviceChanged();
    const device = existing ?? (await createDevice(tx, dc, user, details, policy, enrolmentCode));
    if (device.status === 'APPROVED') {
      const issued = issueSession(tx, user, device, days(dc.settings.sessionTtlDays));
      await recordDeviceUse(tx, device, user, details);
      tx.assign(user, { lastLoginAt: new Date() });
      recordEvent(tx, dc, { kind: 'LOGIN_SUCCEEDED', actorId: user.id, userId: user.id, device });
      return issued;
    }
    // A new PENDING device is committed (that is the registration); the refusal is recorded with it.
    recordEvent(tx, dc, {
      kind: 'LOGIN_DENIED',
      actorId: user.id,
      userId: user.id,
      device,
      fromStatus: device.status,
      detail: device.status === 'BLOCKED' ? 'device blocked' : 'device pending approval',
    });
    if (device.status === 'BLOCKED') return new DeviceBlocked();
    return new DevicePendingApproval(device, issueWatchToken(tx, user, device));
  });
  return outcome;
}

/** Ends the caller's own session. */
export async function logout(dc: DomainContext): Promise<boolean> {
  const actor = requireActor(dc);
  await dc.em.transactional(async (tx) => {
    await tx.nativeUpdate(Session, { id: actor.session.id, revokedAt: null }, { revokedAt: new Date() });
    recordEvent(tx, dc, {
      kind: 'SESSION_REVOKED',
      userId: actor.user.id,
      device: actor.session.device ? { id: actor.session.device.id } : null,
      detail: 'signed out',
    });
  });
  return true;
}

/** Built once: a text that is the very same string each time is hashed once where statements are named (src/db/sql.ts). */
const BEARER_SESSION = `select s.id as session_id, s.kind, s.device_id, s.created_at as session_created_at, s.expires_at, ${USER_COLUMNS.map((c) => `u.${c}`).join(', ')}
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`;

/** Who a bearer token speaks for: a signed-in actor, a watch grant, or nobody (unknown, revoked or expired). */
export async function resolveBearer(
  sql: Sql,
  token: string,
): Promise<{ actor: Actor; watch: null } | { actor: null; watch: WatchGrant } | null> {
  if (!token || token.length > 512) return null;
  // An API key: its own one-statement lookup (src/apikeys/apikeys.ts). Session tokens never carry the prefix.
  if (token.startsWith(API_KEY_PREFIX)) {
    const actor = await resolveApiKey(sql, token);
    return actor ? { actor, watch: null } : null;
  }
  // Every authenticated request starts here: one indexed read, written by hand and read into plain rows (the
  // ORM's query building and hydration cost more than the query).
  const [row] = await sql.query(BEARER_SESSION, [hashToken(token)]);
  if (!row) return null;
  const user = new UserRow(row);
  const session: SessionView = {
    id: row.session_id as string,
    kind: row.kind as SessionKind,
    user: { id: user.id },
    device: typeof row.device_id === 'string' ? { id: row.device_id } : null,
    createdAt: row.session_created_at as Date,
    expiresAt: row.expires_at as Date,
  };
  if (session.kind === 'WATCH') {
    return session.device ? { actor: null, watch: { session, deviceId: session.device.id } } : null;
  }
  return { actor: { user, session }, watch: null };
}

/** Which of these sessions are still good (not revoked, not expired): live connections re-check after a revocation. */
export async function liveSessionIds(em: EntityManager, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.find(Session, { id: { $in: ids }, revokedAt: null, expiresAt: { $gt: new Date() } }, { fields: ['id'] });
  return new Set(rows.map((s) => s.id));
}
