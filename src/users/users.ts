// Users: sign-up, admin-created accounts, the first administrator, and finding users.
import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { readsFleet, requireActor, requireAdmin, requireAdminInPerson, requireFleetReader, type DomainContext } from '../actor.js';
import { InvalidCursor, type PageWindow } from '../db/keyset.js';
import type { Sql } from '../db/sql.js';
import { EmailTaken, InvalidCredentials, LastAdmin, NotFound, SignUpDisabled, TooManyAttempts } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { currentPolicy } from '../policy/policy.js';
import { hashPassword, verifyPassword } from '../sessions/passwords.js';
import { Session } from '../sessions/session.entity.js';
import { addressKey, throttleFor, type ThrottleKey } from '../sessions/throttle.js';
import { User, type Role } from './user.entity.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  password: string;
  displayName?: string | null | undefined;
  role?: Role | undefined;
}

async function insertUser(dc: DomainContext, input: NewUser, actorId: string | null): Promise<User> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await dc.em.transactional(async (tx) => {
      const user = tx.create(User, {
        // Assigned here, not at flush, because the event below records it.
        id: randomUUID(),
        email,
        passwordHash,
        displayName: input.displayName?.trim() || null,
        role: input.role ?? 'USER',
      });
      recordEvent(tx, dc, { kind: 'USER_CREATED', userId: user.id, actorId, detail: `role ${user.role}` });
      return user;
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new EmailTaken();
    throw e;
  }
}

export async function signUp(dc: DomainContext, input: Omit<NewUser, 'role'>): Promise<User> {
  if (!(await currentPolicy(dc.em)).allowSignUp) throw new SignUpDisabled();
  if (await dc.em.count(User, { email: normaliseEmail(input.email) })) throw new EmailTaken();
  return insertUser(dc, input, null);
}

export async function createUser(dc: DomainContext, input: NewUser): Promise<User> {
  const actor = requireAdmin(dc);
  if (await dc.em.count(User, { email: normaliseEmail(input.email) })) throw new EmailTaken();
  return insertUser(dc, input, actor.user.id);
}

/**
 * Creates the first administrator when there is none. Returns the generated password when it made one up,
 * so start-up can print it once.
 */
export async function ensureFirstAdmin(
  em: EntityManager,
  sql: Sql,
  admin: { email?: string | undefined; password?: string | undefined },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if (await em.count(User, { role: 'ADMIN' })) return null;
  const email = admin.email ?? 'admin@localhost';
  const generatedPassword = admin.password ? null : randomBytes(18).toString('base64url');
  const dc: DomainContext = {
    em,
    sql,
    actor: null,
    meta: { ip: null, userAgent: 'gatehouse start-up' },
    settings: { sessionTtlDays: 0, throttleScale: 1 },
  };
  await insertUser(dc, { email, password: admin.password ?? generatedPassword!, role: 'ADMIN' }, null);
  return { email: normaliseEmail(email), generatedPassword };
}

/** Admins and SUPPORT see everyone; a user sees only themself (anyone else is reported as not there). */
export async function findVisibleUser(dc: DomainContext, id: string): Promise<User | null> {
  const actor = requireActor(dc);
  if (!readsFleet(actor) && actor.user.id !== id) return null;
  return dc.em.findOne(User, id);
}

export interface UserFilter {
  email?: string | null | undefined;
  search?: string | null | undefined;
  role?: Role | null | undefined;
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsPattern(term: string): string {
  return `%${escapeLike(term.trim())}%`;
}

function whereOf(filter: UserFilter): FilterQuery<User> & Record<string, unknown> {
  const where: FilterQuery<User> & Record<string, unknown> = {};
  // An email given, even an empty one, is an exact match.
  if (filter.email != null) where.email = normaliseEmail(filter.email);
  if (filter.role) where.role = filter.role;
  if (filter.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ email: { $ilike: pattern } }, { displayName: { $ilike: pattern } }];
  }
  return where;
}

/** Ordered by email, which is unique, so the email is the cursor. Fleet readers only (readsFleet). */
export async function listUsers(dc: DomainContext, filter: UserFilter, window: PageWindow): Promise<User[]> {
  requireFleetReader(dc);
  const range: Record<string, string> = {};
  if (window.after !== undefined) range.$gt = window.after;
  if (window.before !== undefined) range.$lt = window.before;
  if (Object.values(range).some((v) => v.length > 254 || /\p{C}/u.test(v))) throw new InvalidCursor();
  const where = whereOf(filter);
  return dc.em.find(User, Object.keys(range).length ? { $and: [where, { email: range }] } : where, {
    orderBy: { email: window.inverted ? 'desc' : 'asc' },
    limit: window.limit,
  });
}

export function countUsers(dc: DomainContext, filter: UserFilter): Promise<number> {
  requireFleetReader(dc);
  return dc.em.count(User, whereOf(filter));
}

export function userCursor(user: User): string {
  return user.email;
}

/** Ends every session of the user but `keep`, in `tx`, and records it so live subscriptions end too. */
async function revokeSessions(tx: EntityManager, dc: DomainContext, userId: string, keep: string | null, why: string) {
  const where = keep ? { user: userId, revokedAt: null, id: { $ne: keep } } : { user: userId, revokedAt: null };
  const ended = await tx.nativeUpdate(Session, where, { revokedAt: new Date() });
  recordEvent(tx, dc, { kind: 'SESSION_REVOKED', userId, detail: `${ended} session${ended === 1 ? '' : 's'} ended: ${why}` });
}

/** The signed-in user changes their password; their other sessions end. */
export async function changePassword(
  dc: DomainContext,
  currentPassword: string,
  newPassword: string,
): Promise<User | InvalidCredentials | TooManyAttempts> {
  const actor = requireActor(dc);
  const throttle = throttleFor(dc);
  const keys: ThrottleKey[] = [['account', actor.user.email], addressKey(dc)];
  const retryAfter = (await throttle?.retryAfter(keys)) ?? 0;
  if (retryAfter > 0) return new TooManyAttempts(retryAfter);
  const user = await dc.em.findOneOrFail(User, actor.user.id, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await throttle?.fail(keys);
    return new InvalidCredentials();
  }
  const passwordHash = await hashPassword(newPassword);
  return dc.em.transactional(async (tx) => {
    tx.assign(user, { passwordHash });
    recordEvent(tx, dc, { kind: 'PASSWORD_CHANGED', userId: user.id, detail: 'by the user' });
    await revokeSessions(tx, dc, user.id, actor.session.id, 'password changed');
    return user;
  });
}

/** An admin sets a user's password; every session of that user ends. */
export async function resetPassword(dc: DomainContext, userId: string, newPassword: string): Promise<User | NotFound> {
  requireAdmin(dc);
  const passwordHash = await hashPassword(newPassword);
  return dc.em.transactional(async (tx) => {
    const user = await tx.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) return new NotFound('User');
    tx.assign(user, { passwordHash });
    recordEvent(tx, dc, { kind: 'PASSWORD_CHANGED', userId: user.id, detail: 'reset by an administrator' });
    await revokeSessions(tx, dc, user.id, null, 'password reset');
    return user;
  });
}

/**
 * An admin gives a user another role, recording USER_ROLE_CHANGED ("USER -> SUPPORT"); the same role again changes
 * nothing and records nothing. Every admin row is locked first, so two demotions at once are serialised: the second
 * counts the admins the first left, and the last admin is never demoted (LastAdmin). The new role applies to the
 * user's very next request (every request reads the role with its session); their open live connections and
 * subscriptions end on the event (src/sessions/live.ts), so none goes on with the old role. Made a USER, their
 * console sessions (bound to no device) end too.
 */
export async function setUserRole(dc: DomainContext, userId: string, role: Role): Promise<User | NotFound | LastAdmin> {
  requireAdminInPerson(dc);
  return dc.em.transactional(async (tx) => {
    const admins = await tx.execute<{ id: string }[]>(`select id from users where role = 'ADMIN' order by id for update`);
    const user = await tx.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) return new NotFound('User');
    if (user.role === role) return user;
    if (user.role === 'ADMIN' && admins.filter((a) => a.id !== user.id).length === 0) return new LastAdmin();
    const from = user.role;
    tx.assign(user, { role });
    recordEvent(tx, dc, { kind: 'USER_ROLE_CHANGED', userId: user.id, detail: `${from} -> ${role}` });
    // A USER signs in from devices only: their console sessions (bound to no device) end with the role that allowed them.
    if (role === 'USER') {
      const ended = await tx.nativeUpdate(Session, { user: user.id, device: null, kind: 'SESSION', revokedAt: null }, { revokedAt: new Date() });
      if (ended) recordEvent(tx, dc, { kind: 'SESSION_REVOKED', userId: user.id, detail: `${ended} session${ended === 1 ? '' : 's'} ended: role USER` });
    }
    return user;
  });
}
