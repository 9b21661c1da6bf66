// The User entity: someone who signs in, from a phone (USER) or a dashboard (ADMIN).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ROLES = ['USER', 'ADMIN'] as const;
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
  indexes: [{ properties: ['role'] }],
});
export type User = InferEntity<typeof User>;

/** The columns read for a user everywhere but sign-in (never the password hash). */
export const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'created_at', 'last_login_at'] as const;
