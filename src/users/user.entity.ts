// The User entity: someone who signs in, from a phone (USER) or a dashboard (SUPPORT, ADMIN).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ROLES = ['USER', 'SUPPORT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Stored trimmed and lower-cased, so uniqueness and lookups are case-insensitive. */
    email: p.string().length(254).unique(),
    displayName: p.string().length(128).nullable(),
    role: p.enum([...ROLES]).default('USER'),
    passwordHash: p.string().length(255).hidden().lazy(true, false),
    createdAt: p.datetime().onCreate(() => new Date()).index(),
    lastLoginAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['role'] },
    // Search by a substring of the email or the name (as devices search does with its trigram index).
    {
      name: 'users_search_trgm_index',
      expression: 'create index "users_search_trgm_index" on "users" using gin ("email" gin_trgm_ops, "display_name" gin_trgm_ops)',
    },
  ],
});
export type User = InferEntity<typeof User>;

/** The columns read for a user everywhere but sign-in (never the password hash). */
export const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'created_at', 'last_login_at'] as const;

/** What reading a user needs (the signed-in actor, the GraphQL face): a managed User, or a UserRow read by hand. */
export type UserView = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'createdAt' | 'lastLoginAt'>;

/** A user row (USER_COLUMNS) as read by hand (src/db/sql.ts): read-only, not managed by the ORM. */
export class UserRow implements UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;

  constructor(row: Record<string, unknown>) {
    this.id = row.id as string;
    this.email = row.email as string;
    this.displayName = row.display_name as string | null;
    this.role = row.role as Role;
    this.createdAt = row.created_at as Date;
    this.lastLoginAt = row.last_login_at as Date | null;
  }
}
