// Issuing bearer tokens: 32 random bytes, base64url, of which only the SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { API_KEY_PREFIX } from '../apikeys/apikey.entity.js';
import type { Device, DeviceView } from '../devices/device.entity.js';
import type { User, UserView } from '../users/user.entity.js';
import { Session, type SessionKind } from './session.entity.js';

/**
 * A new session token: 32 random bytes, base64url. Never one that starts like an API key (`ghk_`, about one in 17
 * million), since bearers with that prefix are looked up as keys alone.
 */
export function newSessionToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith(API_KEY_PREFIX)) return token;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface IssuedSession {
  token: string;
  /** A managed Session, or the rows a hand-written sign-in wrote (sessions.ts, signInFromDevice). */
  session: { expiresAt: Date; user: UserView; device?: DeviceView | null | undefined };
}

/** How long a pending phone may watch its own approval. */
export const WATCH_TOKEN_TTL_MS = 15 * 60_000;

export function issueSession(tx: EntityManager, user: User, device: Device | null, ttlMs: number, kind: SessionKind = 'SESSION'): IssuedSession {
  const token = newSessionToken();
  const session = tx.create(Session, {
    tokenHash: hashToken(token),
    kind,
    user,
    device,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return { token, session };
}

/** The short-lived token a pending device uses to watch its own status, and nothing else. */
export function issueWatchToken(tx: EntityManager, user: User, device: Device): string {
  return issueSession(tx, user, device, WATCH_TOKEN_TTL_MS, 'WATCH').token;
}
