// API keys for workflows: creating (the secret shown once, only its SHA-256 kept), listing, revoking, and resolving
// a `ghk_` bearer into an actor that speaks for the admin who made the key, within the key's scopes.
import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { requireAdminInPerson, type Actor, type ApiKeySessionView, type DomainContext } from '../actor.js';
import type { Sql } from '../db/sql.js';
import { NotFound } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { hashToken } from '../sessions/tokens.js';
import { User, USER_COLUMNS, UserRow } from '../users/user.entity.js';
import { API_KEY_COLUMNS, API_KEY_PREFIX, ApiKey, ApiKeyRow, type ApiKeyScope, type ApiKeyView } from './apikey.entity.js';

export const MAX_KEY_DAYS = 3650;
/** lastUsedAt is written at most once a minute per key, so using a key costs no write on most requests. */
const LAST_USED_GRANULARITY = '1 minute';
/** A key without an expiry is tracked by live connections as if it expired in the year 2200 (never, in practice). */
const NEVER = new Date(Date.UTC(2200, 0, 1));

export interface NewApiKey {
  name: string;
  scopes: ApiKeyScope[];
  /** Null: the key never expires. */
  expiresInDays?: number | null | undefined;
}

export interface CreatedApiKey {
  apiKey: ApiKeyView;
  /** `ghk_` + 32 random bytes, base64url: returned this once, never stored. */
  secret: string;
}

/** How a key is described in its API_KEY_CREATED / API_KEY_REVOKED event (events keep ids, not foreign keys). */
function described(key: ApiKeyView): string {
  return `key "${key.name}" (${key.id}) scopes ${key.scopes.join(', ')}`;
}

/** Admins in person: a new key. The caller validated the input (name trimmed and non-empty, scopes, days). */
export async function createApiKey(dc: DomainContext, input: NewApiKey): Promise<CreatedApiKey> {
  const actor = requireAdminInPerson(dc);
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const now = new Date();
  return dc.em.transactional(async (tx) => {
    const apiKey = tx.create(ApiKey, {
      // Set here (not on flush) so the event can name it.
      id: randomUUID(),
      name: input.name,
      secretHash: hashToken(secret),
      scopes: [...new Set(input.scopes)],
      createdBy: tx.getReference(User, actor.user.id),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    recordEvent(tx, dc, { kind: 'API_KEY_CREATED', detail: described(apiKey) });
    return { apiKey, secret };
  });
}

/** Admins in person: every key, newest first (revoked and expired ones too). */
export function listApiKeys(dc: DomainContext): Promise<ApiKey[]> {
  requireAdminInPerson(dc);
  return dc.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/**
 * Admins in person: ends a key at once. Every request resolves its bearer afresh, so HTTP refuses it from the
 * commit on; the API_KEY_REVOKED event ends its live connections on every instance (src/sessions/live.ts).
 * Revoking a revoked key changes nothing and records nothing.
 */
export async function revokeApiKey(dc: DomainContext, id: string): Promise<ApiKey | NotFound> {
  requireAdminInPerson(dc);
  return dc.em.transactional(async (tx) => {
    const key = await tx.findOne(ApiKey, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!key) return new NotFound('API key');
    if (key.revokedAt) return key;
    key.revokedAt = new Date();
    recordEvent(tx, dc, { kind: 'API_KEY_REVOKED', detail: described(key) });
    return key;
  });
}

// Built once: the very same string each time is hashed once where statements are named (src/db/sql.ts). One
// statement: the key, its admin, and lastUsedAt moved on only when the stored value is over a minute old.
const BEARER_KEY = `with k as (
    select k.id as key_id, k.name as key_name, k.scopes as key_scopes, k.created_at as key_created_at,
           k.expires_at as key_expires_at, k.last_used_at as key_last_used_at, ${USER_COLUMNS.map((c) => `u.${c}`).join(', ')}
    from api_keys k join users u on u.id = k.created_by_id
    where k.secret_hash = $1 and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()) and u.role = 'ADMIN'
  ), touched as (
    update api_keys set last_used_at = now() from k
    where api_keys.id = k.key_id and (k.key_last_used_at is null or k.key_last_used_at < now() - interval '${LAST_USED_GRANULARITY}')
  )
  select * from k`;

/** The actor a `ghk_` bearer speaks for: its admin, within its scopes; null when unknown, revoked or expired. */
export async function resolveApiKey(sql: Sql, secret: string): Promise<Actor | null> {
  const [row] = await sql.query(BEARER_KEY, [hashToken(secret)]);
  if (!row) return null;
  const user = new UserRow(row);
  const id = row.key_id as string;
  const session: ApiKeySessionView = {
    id,
    apiKeyId: id,
    kind: 'SESSION',
    user: { id: user.id },
    device: null,
    createdAt: row.key_created_at as Date,
    expiresAt: (row.key_expires_at as Date | null) ?? NEVER,
  };
  return { user, session, key: { id, name: row.key_name as string, scopes: row.key_scopes as ApiKeyScope[] } };
}

/** Which of these keys are still good (not revoked, not expired): live connections re-check after a revocation. */
export async function liveApiKeyIds(em: EntityManager, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.find(
    ApiKey,
    { id: { $in: ids }, revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }] },
    { fields: ['id'] },
  );
  return new Set(rows.map((k) => k.id));
}

const KEYS_BY_ID = `select ${API_KEY_COLUMNS.join(', ')} from api_keys where id = any($1::uuid[])`;
const keyLoaders = new WeakMap<object, DataLoader<string, ApiKeyRow | null>>();

/**
 * Keys by id, batched: one loader per set of request loaders (`owner`), so the events of one page or one feed push
 * read the keys they name in one query.
 */
export function apiKeyLoader(owner: object, sql: Sql): DataLoader<string, ApiKeyRow | null> {
  let loader = keyLoaders.get(owner);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await sql.query(KEYS_BY_ID, [ids]);
      const found = new Map(rows.map((row) => [row.id as string, new ApiKeyRow(row)]));
      return ids.map((id) => found.get(id) ?? null);
    });
    keyLoaders.set(owner, loader);
  }
  return loader;
}
