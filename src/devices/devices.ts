// Device rules: registration, the lifecycle (approve, block, unblock), rename, forget, and who may see what.
import { randomUUID } from 'node:crypto';
import {
  LockMode,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/postgresql';
import { isStaff, readsFleet, requireActor, requireAdmin, requireStaff, type Actor, type DomainContext } from '../actor.js';
import { InvalidCursor, type PageWindow } from '../db/keyset.js';
import { UUID, type QueryOptions, type Sql } from '../db/sql.js';
import {
  DeviceAlreadyRegistered,
  DeviceLimitReached,
  InvalidTransition,
  NotAllowed,
  NotFound,
} from '../errors.js';
import { ApprovalRule } from '../approval/rule.entity.js';
import { evaluateRules, rulesInOrder, type RegistrationFacts } from '../approval/rules.js';
import { spendEnrolmentCode } from '../enrolment/codes.js';
import { eventInsert, recordEvent } from '../events/events.js';
import { openOwnerApprovalRequest, resolveOwnerApprovalRequests } from '../approval/owner-approval.js';
import { currentPolicy, type PolicyValues } from '../policy/policy.js';
import { Session } from '../sessions/session.entity.js';
import { containsPattern } from '../users/users.js';
import { User } from '../users/user.entity.js';
import { Device, DEVICE_COLUMNS, DEVICE_SEARCH_TEXT, DeviceRow, DeviceUser, type DeviceStatus, type DeviceView, type Platform } from './device.entity.js';
import { attributeContainment, type AttributeValue } from './attributes.js';
import { searchIndexPattern } from './search.js';
import { algorithmOf, canonicalJwk, thumbprint, type PublicJwk } from './keys.js';

export interface DeviceDetails {
  installationId: string;
  platform: Platform;
  osVersion?: string | null | undefined;
  model?: string | null | undefined;
  appName?: string | null | undefined;
  appVersion?: string | null | undefined;
  name?: string | null | undefined;
  pushToken?: string | null | undefined;
  /** A public JWK, already checked (publicKeyProblem) at the boundary. */
  publicKey?: PublicJwk | null | undefined;
}

export type MobileAuth = 'NOT_ACTIVATED' | 'ACTIVATED' | 'PUSH_ENABLED';

/** Activated once it has completed a sign-in while approved; push-enabled when it also gave a push token. */
export function mobileAuthOf(device: Pick<Device, 'lastUsedAt' | 'hasPushToken'>): MobileAuth {
  if (!device.lastUsedAt) return 'NOT_ACTIVATED';
  return device.hasPushToken ? 'PUSH_ENABLED' : 'ACTIVATED';
}

/** Trims and checks a device name: 1-64 printable characters. Returns null when it is not acceptable. */
export function normaliseDeviceName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed.length >= 1 && [...trimmed].length <= 64 && !/\p{C}/u.test(trimmed) ? trimmed : null;
}

export function metadataOf(details: DeviceDetails) {
  return {
    platform: details.platform,
    osVersion: details.osVersion ?? null,
    model: details.model ?? null,
    appName: details.appName ?? null,
    appVersion: details.appVersion ?? null,
    ...(details.pushToken ? { pushToken: details.pushToken, hasPushToken: true } : {}),
  };
}

/**
 * Creates a device owned by `owner` inside the caller's transaction: enforces the device limit (serialised per
 * user by locking the owner's row, so concurrent registrations cannot overshoot it), sets the status the policy
 * gives, links the owner as a user of the device and records DEVICE_REGISTERED.
 */
export async function createDevice(
  tx: EntityManager,
  dc: Pick<DomainContext, 'actor' | 'meta' | 'sql'>,
  ownerRef: { id: string },
  details: DeviceDetails,
  policy: PolicyValues,
  /** An enrolment code the first sign-in carried: valid, it approves the device; not, the registration is refused. */
  enrolmentCode?: string | null,
): Promise<Device> {
  const owner = tx.getReference(User, ownerRef.id);
  const account = await tx.findOneOrFail(User, owner.id, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id', 'email', 'role'] });
  if (policy.maxDevicesPerUser !== null) {
    const owned = await tx.count(Device, { owner: owner.id });
    if (owned >= policy.maxDevicesPerUser) throw new DeviceLimitReached(policy.maxDevicesPerUser);
  }
  const name = details.name ? normaliseDeviceName(details.name) : null;
  const key = details.publicKey ? canonicalJwk(details.publicKey) : null;
  const keyId = key ? thumbprint(key) : null;
  // One key, one device: a key bound elsewhere is refused (the unique index catches a race).
  if (keyId && (await tx.count(Device, { keyId }))) throw new DeviceAlreadyRegistered();
  const now = new Date();
  const decided = await decisionAtRegistration(tx, dc.sql, policy, {
    email: account.email,
    role: account.role,
    platform: details.platform,
    osVersion: details.osVersion ?? null,
    appName: details.appName ?? null,
    keyBound: keyId !== null,
    ownerId: owner.id,
  }, now, enrolmentCode);
  const device = tx.create(Device, {
    // Assigned here, not at flush, because the event below records it.
    id: randomUUID(),
    installationId: details.installationId,
    ...metadataOf(details),
    name,
    keyId,
    keyAlgorithm: key ? algorithmOf(key) : null,
    publicKey: key,
    ...decided,
    owner,
    createdAt: now,
    statusChangedAt: now,
  });
  tx.create(DeviceUser, { device, user: owner, firstSeenAt: now, lastSeenAt: now });
  // Nothing decided it: with ownerApproval, the owner's trusted devices may (src/approval/owner-approval.ts).
  if (device.status === 'PENDING' && policy.ownerApproval) openOwnerApprovalRequest(tx, dc, device, owner.id, now);
  recordEvent(tx, dc, {
    kind: 'DEVICE_REGISTERED',
    actorId: owner.id,
    userId: owner.id,
    device,
    toStatus: device.status,
    detail: `${details.platform}${details.model ? ` ${details.model}` : ''}${device.decisionBy === 'RULE' || device.decisionBy === 'ENROLMENT_CODE' ? `; ${device.decisionReason}` : ''}`,
    decisionBy: device.decisionBy ?? null,
  });
  return device;
}

/**
 * The status (and decision) a new device starts with: AUTOMATIC mode approves it; otherwise the approval rules are
 * tried in order (the first match approves or blocks it), and with none matching it waits, told why.
 */
async function decisionAtRegistration(
  tx: EntityManager,
  sql: Sql,
  policy: PolicyValues,
  facts: Omit<RegistrationFacts, 'approvedDevices' | 'ownedDevices'> & { ownerId: string },
  now: Date,
  enrolmentCode: string | null | undefined,
) {
  if (policy.approvalMode === 'AUTOMATIC') {
    return { status: 'APPROVED' as const, decisionBy: 'AUTOMATIC_MODE' as const, decisionAt: now, decisionReason: 'approval mode is AUTOMATIC' };
  }
  // An admin handed out the code: it decides before any rule.
  if (enrolmentCode) {
    const code = await spendEnrolmentCode(tx, enrolmentCode, { id: facts.ownerId, email: facts.email });
    return { status: 'APPROVED' as const, decisionBy: 'ENROLMENT_CODE' as const, decisionAt: now, decisionReason: `enrolment code "${code.name}" (${code.id})` };
  }
  const { rules, approvedDevices, ownedDevices } = await rulesInOrder(tx, sql, facts.ownerId);
  if (!rules.length) return { status: 'PENDING' as const };
  const outcome = evaluateRules(rules, { ...facts, approvedDevices, ownedDevices });
  if (!outcome.matched) return { status: 'PENDING' as const, pendingReason: outcome.pendingReason };
  const rule = outcome.matched;
  const reason = `${rule.action === 'APPROVE' ? 'approved' : 'blocked'} by rule '${rule.name}'`;
  return {
    status: rule.action === 'APPROVE' ? ('APPROVED' as const) : ('BLOCKED' as const),
    ...(rule.action === 'BLOCK' ? { statusBeforeBlock: 'PENDING' as const, blockedReason: reason } : {}),
    decisionBy: 'RULE' as const,
    decisionRule: tx.getReference(ApprovalRule, rule.id),
    decisionRuleName: rule.name,
    decisionAt: now,
    decisionReason: reason,
  };
}

/**
 * Records a successful sign-in from an approved device: last user, last used, the user's link, fresh metadata. A
 * device in use is not stale (no event of its own: the sign-in's event records the use).
 */
export async function recordDeviceUse(tx: EntityManager, device: Device, user: User, details?: DeviceDetails): Promise<void> {
  const now = new Date();
  tx.assign(device, { ...(details ? metadataOf(details) : {}), lastUser: user, lastUsedAt: now, stale: false });
  // The link may have been created in this very transaction (a device approved automatically at registration).
  const link = await tx.findOne(DeviceUser, { device: device.id, user: user.id });
  if (link) link.lastSeenAt = now;
  else tx.create(DeviceUser, { device, user, firstSeenAt: now, lastSeenAt: now });
}

/** A signed-in user adds a device for themself. */
export async function registerDevice(dc: DomainContext, details: DeviceDetails): Promise<Device> {
  const actor = requireActor(dc);
  const policy = await currentPolicy(dc.em);
  try {
    return await dc.em.transactional(async (tx) => {
      if (await tx.count(Device, { installationId: details.installationId })) throw new DeviceAlreadyRegistered();
      return createDevice(tx, dc, actor.user, details, policy);
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new DeviceAlreadyRegistered();
    throw e;
  }
}

/** `fleet`: whether the caller sees every device (readsFleet to read one, isStaff to change one). */
async function canSee(em: EntityManager, actor: Actor, deviceId: string, fleet: boolean): Promise<boolean> {
  if (fleet) return true;
  return (await em.count(DeviceUser, { device: deviceId, user: actor.user.id })) > 0;
}

/**
 * Admins and SUPPORT see every device; a user the devices they own or have used. Any other device is reported as
 * not there.
 */
export async function findVisibleDevice(dc: DomainContext, id: string): Promise<Device | null> {
  const actor = requireActor(dc);
  const device = await dc.em.findOne(Device, id);
  return device && (await canSee(dc.em, actor, id, readsFleet(actor))) ? device : null;
}

/** Loads and locks a device for a change in `tx`; NotFound when the actor may not see it. */
async function lockVisibleDevice(tx: EntityManager, actor: Actor, id: string): Promise<Device> {
  const device = await tx.findOne(Device, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!device || !(await canSee(tx, actor, id, isStaff(actor)))) throw new NotFound();
  return device;
}

interface Transition {
  action: string;
  from: readonly DeviceStatus[];
  event: 'DEVICE_APPROVED' | 'DEVICE_BLOCKED' | 'DEVICE_UNBLOCKED';
}

const APPROVE: Transition = { action: 'approve', from: ['PENDING'], event: 'DEVICE_APPROVED' };
const BLOCK: Transition = { action: 'block', from: ['PENDING', 'APPROVED'], event: 'DEVICE_BLOCKED' };
const UNBLOCK: Transition = { action: 'unblock', from: ['BLOCKED'], event: 'DEVICE_UNBLOCKED' };

async function changeStatus(
  dc: DomainContext,
  id: string,
  transition: Transition,
  apply: (tx: EntityManager, device: Device, now: Date) => Promise<DeviceStatus>,
  detail?: string | null,
): Promise<Device> {
  const actor = requireAdmin(dc);
  return dc.em.transactional(async (tx) => {
    const device = await lockVisibleDevice(tx, actor, id);
    const from = device.status;
    if (!transition.from.includes(from)) throw new InvalidTransition(transition.action, from);
    const now = new Date();
    const to = await apply(tx, device, now);
    // An admin's decision closes the owner's request (an unblock back to PENDING does not reopen it).
    await resolveOwnerApprovalRequests(tx, device.id, now);
    const admin = tx.getReference(User, actor.user.id);
    tx.assign(device, { status: to, statusChangedAt: now, statusChangedBy: admin });
    // An admin's change is the device's decision now (an unblock back to PENDING leaves none).
    const decided = to !== 'PENDING';
    tx.assign(device, {
      decisionBy: decided ? 'ADMIN' : null,
      decisionAdmin: decided ? admin : null,
      decisionKeyId: decided ? (actor.key?.id ?? null) : null,
      decisionAt: decided ? now : null,
      decisionReason: decided ? (detail ?? (transition === UNBLOCK ? 'unblocked' : null)) : null,
    });
    recordEvent(tx, dc, {
      kind: transition.event,
      userId: device.owner.id,
      device,
      fromStatus: from,
      toStatus: to,
      detail: detail ?? null,
      decisionBy: device.decisionBy ?? null,
    });
    return device;
  });
}

export function approveDevice(dc: DomainContext, id: string): Promise<Device> {
  return changeStatus(dc, id, APPROVE, async () => 'APPROVED');
}

/** Blocks a device and ends every session bound to it in the same transaction. */
export function blockDevice(dc: DomainContext, id: string, reason?: string | null): Promise<Device> {
  const trimmed = reason?.trim() || null;
  return changeStatus(
    dc,
    id,
    BLOCK,
    async (tx, device, now) => {
      device.statusBeforeBlock = device.status;
      device.blockedReason = trimmed;
      await tx.nativeUpdate(Session, { device: device.id, revokedAt: null }, { revokedAt: now });
      return 'BLOCKED';
    },
    trimmed,
  );
}

/** Returns the device to the status it had before the block. */
export function unblockDevice(dc: DomainContext, id: string): Promise<Device> {
  return changeStatus(dc, id, UNBLOCK, async (_tx, device) => {
    const to = device.statusBeforeBlock ?? 'PENDING';
    device.statusBeforeBlock = null;
    device.blockedReason = null;
    return to;
  });
}

/**
 * Owners, admins and SUPPORT only; `name` must already be normalised (see normaliseDeviceName). One statement (one round
 * trip, one implicit transaction): the device row is locked, the update and the DEVICE_RENAMED event (which records
 * the old name) are conditional on the caller seeing the device and owning it (or being staff), so a refusal writes
 * nothing. The version moves on as the ORM's optimistic lock expects.
 */
export async function renameDevice(dc: DomainContext, id: string, name: string): Promise<DeviceView> {
  const actor = requireActor(dc);
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const deviceId = `${param(id)}::uuid`;
  // Staff see and may rename any device; anyone else a device they have used, and rename it only if they own it.
  const actorId = isStaff(actor) ? null : `${param(actor.user.id)}::uuid`;
  const visible = actorId ? `exists (select 1 from device_users du where du.device_id = devices.id and du.user_id = ${actorId})` : 'true';
  const event = eventInsert(dc, { kind: 'DEVICE_RENAMED', device: { id } }, new Date(), param, {
    deviceName: 'd.name',
    userId: 'old.owner_id',
    detail: `case when old.name is null then 'was unnamed' else 'was "' || old.name || '"' end`,
  });
  const [row] = await dc.sql.query(
    `with old as (
       select id, name, owner_id, ${visible} as visible from devices where id = ${deviceId} for update
     ), d as (
       update devices set name = ${param(name)}::text, version = devices.version + 1 from old
       where devices.id = old.id and old.visible${actorId ? ` and old.owner_id = ${actorId}` : ''}
       returning ${DEVICE_COLUMNS.map((c) => `devices.${c}`).join(', ')}
     ), e as (
       insert into events (${event.columns}) select ${event.values} from d, old
     )
     select old.visible as "old.visible", d.* from old left join d on true`,
    params,
  );
  if (!row?.['old.visible']) throw new NotFound();
  if (!row.id) throw new NotAllowed('Only the owner of a device may rename it');
  return new DeviceRow(row);
}

/** Deletes the device, its sessions and its user links; its events stay. Owners, admins and SUPPORT only. */
export async function forgetDevice(dc: DomainContext, id: string): Promise<{ id: string; name: string | null }> {
  const actor = requireActor(dc);
  return dc.em.transactional(async (tx) => {
    const device = await lockVisibleDevice(tx, actor, id);
    if (!isStaff(actor) && device.owner.id !== actor.user.id) throw new NotAllowed('Only the owner of a device may forget it');
    const forgotten = { id: device.id, name: device.name ?? null };
    recordEvent(tx, dc, { kind: 'DEVICE_FORGOTTEN', userId: device.owner.id, device, fromStatus: device.status });
    // Sessions and device_users go with it through ON DELETE CASCADE.
    await tx.nativeDelete(Device, { id: device.id });
    tx.getUnitOfWork().unsetIdentity(device);
    return forgotten;
  });
}

/** How many devices one bulk call may name. */
export const BULK_LIMIT = 100;

/** How many of one bulk call's devices change at the same time, each in its own transaction. */
const BULK_CONCURRENCY = 4;

/** What a bulk call answers for one id: the single call's result, or its expected failure. */
export type BulkResult<T> = T | NotFound | InvalidTransition;

/**
 * Runs `change` for each device in turn, each in its own transaction with its own event (as the single call does),
 * and answers one result per id in the order given. An expected failure (NotFound for an id that names no device or
 * one the caller may not see, InvalidTransition) is that id's answer and never undoes the others. An id given twice
 * is changed once; each of its places gets that one answer. A null id (not a device id at all) is NotFound.
 */
async function eachDevice<T>(ids: readonly (string | null)[], change: (id: string) => Promise<T>): Promise<BulkResult<T>[]> {
  if (ids.length > BULK_LIMIT) throw new RangeError(`At most ${BULK_LIMIT} devices at once`);
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const done = new Map<string, BulkResult<T>>();
  // A few transactions at a time: the database works on one device while the server prepares the next, and one bulk
  // call holds at most BULK_CONCURRENCY of the pool's connections.
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const id = unique[next++]!;
      try {
        done.set(id, await change(id));
      } catch (e) {
        if (!(e instanceof NotFound || e instanceof InvalidTransition)) throw e;
        done.set(id, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, unique.length) }, worker));
  return ids.map((id) => (id === null ? new NotFound() : done.get(id)!));
}

/** approveDevice for up to BULK_LIMIT devices (see eachDevice); admins only, checked before any change. */
export function approveDevices(dc: DomainContext, ids: readonly (string | null)[]): Promise<BulkResult<Device>[]> {
  requireAdmin(dc);
  return eachDevice(ids, (id) => approveDevice(dc, id));
}

/** blockDevice, with one reason for all, for up to BULK_LIMIT devices (see eachDevice); admins only. */
export function blockDevices(dc: DomainContext, ids: readonly (string | null)[], reason?: string | null): Promise<BulkResult<Device>[]> {
  requireAdmin(dc);
  return eachDevice(ids, (id) => blockDevice(dc, id, reason));
}

/** unblockDevice for up to BULK_LIMIT devices (see eachDevice); admins only. */
export function unblockDevices(dc: DomainContext, ids: readonly (string | null)[]): Promise<BulkResult<Device>[]> {
  requireAdmin(dc);
  return eachDevice(ids, (id) => unblockDevice(dc, id));
}

/**
 * forgetDevice for up to BULK_LIMIT devices (see eachDevice): admins and SUPPORT (and API keys), whose every device
 * is theirs to forget; a user forgets their own devices one at a time.
 */
export function forgetDevices(dc: DomainContext, ids: readonly (string | null)[]): Promise<({ id: string; name: string | null } | NotFound)[]> {
  requireStaff(dc);
  // forgetDevice changes no status, so it never fails with InvalidTransition.
  return eachDevice(ids, (id) => forgetDevice(dc, id)) as Promise<({ id: string; name: string | null } | NotFound)[]>;
}

export interface DeviceFilter {
  status?: DeviceStatus | null | undefined;
  platform?: Platform | null | undefined;
  /** Devices this user owns or has used. */
  userId?: string | null | undefined;
  search?: string | null | undefined;
  stale?: boolean | null | undefined;
  /** Devices with this attribute set to this value (of the same JSON type: "1" is not 1). */
  attribute?: { key: string; value: AttributeValue } | null | undefined;
}

/**
 * The WHERE clause of a device listing, as SQL with its `$n` parameters. Written by hand rather than with the
 * query builder: this runs on every phone's read, and building it through the ORM cost more than the query itself.
 */
async function filtered(
  dc: DomainContext,
  filter: DeviceFilter,
  /** Every device, not only the caller's: admins and support staff, keys that read the fleet, and exports (whose callers src/http/exports.ts authorised). */
  everything = readsFleet(requireActor(dc)),
): Promise<{ where: string[]; params: unknown[]; param: (value: unknown) => string; options: QueryOptions }> {
  const actor = requireActor(dc);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const usedBy = (userId: string) => where.push(`d.id in (select du.device_id from device_users du where du.user_id = ${param(userId)})`);
  if (!everything) usedBy(actor.user.id);
  if (filter.userId && (everything || filter.userId !== actor.user.id)) usedBy(filter.userId);
  if (filter.status) where.push(`d.status = ${param(filter.status)}`);
  if (filter.platform) where.push(`d.platform = ${param(filter.platform)}`);
  if (filter.stale != null) where.push(`d.stale = ${param(filter.stale)}`);
  const term = filter.search?.trim();
  if (term) {
    const narrowed = await searchIndexPattern(dc.sql, term);
    if (!narrowed) where.push(`${SEARCH_TEXT} ilike ${param(containsPattern(term))}`);
    else {
      // The index gets the term without its frequent parts (src/devices/search.ts); the term itself is checked on
      // what that finds, written so that the index cannot serve it (`|| ''`), or PostgreSQL would scan for it too.
      where.push(`${SEARCH_TEXT} ilike ${param(narrowed)}`);
      where.push(`(${SEARCH_TEXT} || '') ilike ${param(containsPattern(term))}`);
    }
  }
  if (filter.attribute) where.push(`d.attributes @> ${param(attributeContainment(filter.attribute.key, filter.attribute.value))}::jsonb`);
  // A search is planned with its term: a rare one wants the trigram index, a common one the newest-first walk, and
  // a prepared statement's generic plan, made without the term, would pick one for all (measured at 10k devices:
  // 56 ms p50 prepared against 0.5 ms for the plan with the term).
  // An attribute likewise: a rare value wants the GIN index, a common one the newest-first walk.
  return { where, params, param, options: { prepared: !filter.search?.trim() && !filter.attribute } };
}

/** DEVICE_SEARCH_TEXT on the alias `d`: the expression of the search index, which the planner matches. */
const SEARCH_TEXT = `(${DEVICE_SEARCH_TEXT.replace(/"(\w+)"/g, 'd."$1"')})`;

const whereSql = (where: string[]) => (where.length ? `where ${where.join(' and ')}` : '');

/** "<epoch ms>|<uuid>"; anything else (or a time PostgreSQL cannot hold) is an invalid cursor. */
function parseDeviceCursor(cursor: string): [Date, string] {
  const [ms, id, extra] = cursor.split('|');
  const at = Number(ms);
  if (extra !== undefined || !id || !UUID.test(id) || !/^\d{1,15}$/.test(ms ?? '') || at > 8.64e15) throw new InvalidCursor();
  return [new Date(at), id];
}

const LISTED_COLUMNS = DEVICE_COLUMNS.map((c) => `d.${c}`).join(', ');

/** Newest first, by (createdAt, id); the cursor is that pair. Plain rows: a listing is read, never changed. */
export async function listDevices(dc: DomainContext, filter: DeviceFilter, window: PageWindow): Promise<DeviceRow[]> {
  const { where, params, param, options } = await filtered(dc, filter);
  if (window.after !== undefined) {
    const [at, id] = parseDeviceCursor(window.after);
    where.push(`(d.created_at, d.id) < (${param(at)}, ${param(id)})`);
  }
  if (window.before !== undefined) {
    const [at, id] = parseDeviceCursor(window.before);
    where.push(`(d.created_at, d.id) > (${param(at)}, ${param(id)})`);
  }
  const order = window.inverted ? 'asc' : 'desc';
  const rows = await dc.sql.query(
    `select ${LISTED_COLUMNS} from devices d ${whereSql(where)}
     order by d.created_at ${order}, d.id ${order} limit ${param(window.limit)}`,
    params,
    options,
  );
  return rows.map((row) => new DeviceRow(row));
}

/**
 * Every device that matches, newest first: the statement an export reads through a cursor, with its `select` list
 * over `d` (the device), `o` (its owner) and `lu` (its last user). Its callers read everything (src/http/exports.ts
 * authorises them).
 */
export async function deviceExportStatement(dc: DomainContext, filter: DeviceFilter, select: string): Promise<{ text: string; values: unknown[] }> {
  const { where, params } = await filtered(dc, filter, true);
  return {
    text: `select ${select}
      from devices d join users o on o.id = d.owner_id left join users lu on lu.id = d.last_user_id
      ${whereSql(where)} order by d.created_at desc, d.id desc`,
    values: params,
  };
}

export async function countDevices(dc: DomainContext, filter: DeviceFilter): Promise<number> {
  const { where, params, options } = await filtered(dc, filter);
  const [row] = await dc.sql.query<{ n: number }>(`select count(*)::int as n from devices d ${whereSql(where)}`, params, options);
  return row?.n ?? 0;
}

export function deviceCursor(device: Pick<DeviceView, 'createdAt' | 'id'>): string {
  return `${device.createdAt.getTime()}|${device.id}`;
}

const OWNED_DEVICE_COUNTS = 'select owner_id, count(*)::int as n from devices where owner_id = any($1::uuid[]) group by owner_id';

/** How many devices each user owns (what the device limit counts), in the order asked: one statement for them all. */
export async function countOwnedDevices(sql: Sql, userIds: readonly string[]): Promise<number[]> {
  const rows = await sql.query<{ owner_id: string; n: number }>(OWNED_DEVICE_COUNTS, [userIds]);
  const counts = new Map(rows.map((row) => [row.owner_id, row.n]));
  return userIds.map((id) => counts.get(id) ?? 0);
}

/** Users who have signed in from (or registered) a device, most recently seen first. */
export async function listDeviceUsers(em: EntityManager, deviceId: string, window: PageWindow): Promise<DeviceUser[]> {
  const qb = em.createQueryBuilder(DeviceUser, 'du').joinAndSelect('du.user', 'u').where({ device: deviceId });
  // Same (time, uuid) cursor shape as devices, over (lastSeenAt, userId).
  if (window.after !== undefined) qb.andWhere('(du.last_seen_at, du.user_id) < (?, ?)', parseDeviceCursor(window.after));
  if (window.before !== undefined) qb.andWhere('(du.last_seen_at, du.user_id) > (?, ?)', parseDeviceCursor(window.before));
  const order = window.inverted ? 'asc' : 'desc';
  return qb.orderBy({ lastSeenAt: order, user: order }).limit(window.limit).getResultList();
}

export function countDeviceUsers(em: EntityManager, deviceId: string): Promise<number> {
  return em.count(DeviceUser, { device: deviceId });
}

export function deviceUserCursor(link: DeviceUser): string {
  return `${link.lastSeenAt.getTime()}|${link.user.id}`;
}
