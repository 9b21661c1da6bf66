// Who is asking and from where: what every domain function receives besides its own arguments.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKeyScope } from './apikeys/apikey.entity.js';
import type { Sql } from './db/sql.js';
import { NotAllowed } from './errors.js';
import type { SessionView } from './sessions/session.entity.js';
import type { UserView } from './users/user.entity.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Read with the bearer token, by hand (not managed by the ORM): a change takes a reference to the user by id. */
export interface Actor {
  user: UserView;
  session: SessionView;
  /**
   * Set when an API key is the bearer: `user` is then the admin who made the key (events name them as actor and
   * the key as actorKey), and the key's scopes alone decide what it may call (src/graphql/auth.ts).
   */
  key?: ApiKeyGrant | null | undefined;
}

/** The API key behind a request: what events name, and what it may do. */
export interface ApiKeyGrant {
  id: string;
  name: string;
  scopes: readonly ApiKeyScope[];
}

/** A key's live stand-in for a session (LiveSessions tracks it): its id is the key's, and apiKeyId says so. */
export type ApiKeySessionView = SessionView & { apiKeyId: string };

/** What a watch token grants: the status of one device, until it expires. */
export interface WatchGrant {
  session: SessionView;
  deviceId: string;
}

export interface DomainSettings {
  sessionTtlDays: number;
  /** Multiplies sign-in throttle allowances; 0 switches throttling off. */
  throttleScale: number;
}

export interface DomainContext {
  em: EntityManager;
  /** Hand-written SQL for the hot paths, on the same pool as `em`. */
  sql: Sql;
  actor: Actor | null;
  meta: RequestMeta;
  settings: DomainSettings;
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.user.role === 'ADMIN';
}

/**
 * ADMIN or SUPPORT: sees every user, device and event, and may rename and forget any device. An API key speaks as
 * the admin who made it, so this holds for every key; what a key may call is decided by its scopes (keyHas).
 */
export function isStaff(actor: Actor | null): boolean {
  const role = actor?.user.role;
  return role === 'ADMIN' || role === 'SUPPORT';
}

export function keyHas(actor: Actor | null, scope: ApiKeyScope): boolean {
  return actor?.key?.scopes.includes(scope) ?? false;
}

/**
 * The one check for reading the whole fleet (every user, device and event, as an admin reads them): an ADMIN or
 * SUPPORT in person, or an API key with DEVICES_READ. The GraphQL guards, the domain's listings and the exports
 * all ask this.
 */
export function readsFleet(actor: Actor | null): boolean {
  return actor?.key ? keyHas(actor, 'DEVICES_READ') : isStaff(actor);
}

/** For domain entry points that automation may call without the GraphQL layer's scope checks. */
export function requireActor(dc: DomainContext): Actor {
  if (!dc.actor) throw new NotAllowed('Sign in first');
  return dc.actor;
}

/** For what only a person may do: an API key never manages keys (nor users or the policy). */
export function requireAdminInPerson(dc: DomainContext): Actor {
  const actor = requireAdmin(dc);
  if (actor.key) throw new NotAllowed('An API key may not do this');
  return actor;
}

/** For the fleet-wide reads (users, events): see readsFleet. */
export function requireFleetReader(dc: DomainContext): Actor {
  const actor = requireActor(dc);
  if (!readsFleet(actor)) throw new NotAllowed('Only administrators and support staff may do this');
  return actor;
}

/** For changes help-desk staff may make to any device (rename, forget): ADMIN, SUPPORT, or an API key. */
export function requireStaff(dc: DomainContext): Actor {
  const actor = requireActor(dc);
  if (!isStaff(actor)) throw new NotAllowed('Only administrators and support staff may do this');
  return actor;
}

export function requireAdmin(dc: DomainContext): Actor {
  const actor = requireActor(dc);
  if (actor.user.role !== 'ADMIN') throw new NotAllowed('Only administrators may do this');
  return actor;
}
