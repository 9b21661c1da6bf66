// Enrolment codes: admins create (the code shown once, only its SHA-256 kept), list and revoke them; a first sign-in
// carrying a valid one registers its device APPROVED, spending one use atomically.
import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { requireAdminInPerson, type DomainContext } from '../actor.js';
import { InvalidEnrolmentCode, NotFound } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { hashToken } from '../sessions/tokens.js';
import { User } from '../users/user.entity.js';
import { ENROLMENT_CODE_PREFIX, EnrolmentCode } from './code.entity.js';

export const MAX_CODE_HOURS = 90 * 24;
export const DEFAULT_CODE_HOURS = 7 * 24;

export interface NewEnrolmentCode {
  name: string;
  uses: number;
  expiresInHours?: number | null | undefined;
  /** Already normalised (lower case, no @). */
  emailDomain?: string | null | undefined;
  userId?: string | null | undefined;
}

export interface CreatedEnrolmentCode {
  enrolmentCode: EnrolmentCode;
  /** `ghe_` + 24 random bytes, base64url: returned this once, never stored. */
  code: string;
}

function described(code: EnrolmentCode): string {
  const limits = [code.emailDomain ? `domain ${code.emailDomain}` : null, code.user ? `user ${code.user.id}` : null].filter(Boolean);
  return `code "${code.name}" (${code.id}) ${code.uses} uses until ${code.expiresAt.toISOString()}${limits.length ? `, ${limits.join(', ')}` : ''}`;
}

/** Admins in person: a new code. NotFound when userId names no user. */
export async function createEnrolmentCode(dc: DomainContext, input: NewEnrolmentCode): Promise<CreatedEnrolmentCode | NotFound> {
  const actor = requireAdminInPerson(dc);
  const code = ENROLMENT_CODE_PREFIX + randomBytes(24).toString('base64url');
  const now = new Date();
  return dc.em.transactional(async (tx) => {
    if (input.userId && !(await tx.count(User, { id: input.userId }))) return new NotFound('User');
    const enrolmentCode = tx.create(EnrolmentCode, {
      id: randomUUID(),
      name: input.name,
      codeHash: hashToken(code),
      uses: input.uses,
      usesLeft: input.uses,
      expiresAt: new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_CODE_HOURS) * 3_600_000),
      emailDomain: input.emailDomain ?? null,
      user: input.userId ? tx.getReference(User, input.userId) : null,
      createdBy: tx.getReference(User, actor.user.id),
      createdAt: now,
    });
    recordEvent(tx, dc, { kind: 'ENROLMENT_CODE_CREATED', detail: described(enrolmentCode) });
    return { enrolmentCode, code };
  });
}

/** Admins in person: every code, newest first (spent, expired and revoked ones too). */
export function listEnrolmentCodes(dc: DomainContext): Promise<EnrolmentCode[]> {
  requireAdminInPerson(dc);
  return dc.em.find(EnrolmentCode, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** Admins in person: ends a code at once. Revoking a revoked code changes nothing and records nothing. */
export async function revokeEnrolmentCode(dc: DomainContext, id: string): Promise<EnrolmentCode | NotFound> {
  requireAdminInPerson(dc);
  return dc.em.transactional(async (tx) => {
    const code = await tx.findOne(EnrolmentCode, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!code) return new NotFound('Enrolment code');
    if (code.revokedAt) return code;
    code.revokedAt = new Date();
    recordEvent(tx, dc, { kind: 'ENROLMENT_CODE_REVOKED', detail: described(code) });
    return code;
  });
}

const SPEND = `update enrolment_codes set uses_left = uses_left - 1, last_used_at = now()
  where code_hash = ? and revoked_at is null and expires_at > now() and uses_left > 0
    and (email_domain is null or email_domain = ?) and (user_id is null or user_id = ?)
  returning id, name`;

/**
 * Spends one use of `code` for this user inside the registration's transaction: one conditional update, so two
 * sign-ins racing for the last use cannot both have it (the second waits on the row and then finds none left).
 * Returns the code's name, or throws InvalidEnrolmentCode saying why (which rolls the registration back).
 */
export async function spendEnrolmentCode(tx: EntityManager, code: string, user: { id: string; email: string }): Promise<{ id: string; name: string }> {
  const domain = user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase();
  const hash = hashToken(code);
  const [spent] = await tx.execute<{ id: string; name: string }[]>(SPEND, [hash, domain, user.id]);
  if (spent) return spent;
  const found = await tx.findOne(EnrolmentCode, { codeHash: hash }, { refresh: true });
  if (!found) throw new InvalidEnrolmentCode('unknown enrolment code');
  const named = `enrolment code "${found.name}" (${found.id})`;
  if (found.revokedAt) throw new InvalidEnrolmentCode(`${named} is revoked`);
  if (found.expiresAt <= new Date()) throw new InvalidEnrolmentCode(`${named} has expired`);
  if (found.usesLeft <= 0) throw new InvalidEnrolmentCode(`${named} is spent`);
  throw new InvalidEnrolmentCode(`${named} is not for this user`);
}
