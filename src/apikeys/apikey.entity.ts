// The ApiKey entity: a workflow's bearer secret (only its SHA-256 is stored), the scopes it grants, and its life.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export const API_KEY_SCOPES = ['DEVICES_READ', 'DEVICES_WRITE', 'WEBHOOKS_MANAGE'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What every key's secret starts with, so secret scanners recognise a leaked one (and resolveBearer routes it). */
export const API_KEY_PREFIX = 'ghk_';

export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(64),
    secretHash: p.string().length(64).unique(),
    scopes: p.array<ApiKeyScope>(),
    /** The admin who made it: events the key causes name them as actor. */
    createdBy: p.manyToOne(User).deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()).index(),
    /** Null: never expires. */
    expiresAt: p.datetime().nullable(),
    /** Kept to within a minute: a request writes it only when the stored value is older (see resolveApiKey). */
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiKey = InferEntity<typeof ApiKey>;

/** What reading a key needs (the GraphQL face): a managed ApiKey, or an ApiKeyRow read by hand. */
export interface ApiKeyView {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  createdBy: { id: string };
  createdAt: Date;
  expiresAt?: Date | null;
  lastUsedAt?: Date | null;
  revokedAt?: Date | null;
}

export const API_KEY_COLUMNS = ['id', 'name', 'scopes', 'created_by_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

/** A key row (API_KEY_COLUMNS) as read by hand (src/db/sql.ts). */
export class ApiKeyRow implements ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly scopes: ApiKeyScope[];
  readonly createdBy: { id: string };
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;

  constructor(row: Record<string, unknown>) {
    this.id = row.id as string;
    this.name = row.name as string;
    this.scopes = row.scopes as ApiKeyScope[];
    this.createdBy = { id: row.created_by_id as string };
    this.createdAt = row.created_at as Date;
    this.expiresAt = row.expires_at as Date | null;
    this.lastUsedAt = row.last_used_at as Date | null;
    this.revokedAt = row.revoked_at as Date | null;
  }
}
