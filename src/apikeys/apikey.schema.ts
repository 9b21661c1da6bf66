// GraphQL face of API keys: the ApiKey type, and admins (in person) creating, listing and revoking keys.
import { z } from 'zod';
import { isEntityOf } from '../db/orm.js';
import { NotFound } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { UUID } from '../db/sql.js';
import { decodeAny, globalId } from '../graphql/ids.js';
import { ApiKeyRef, UserRef } from '../graphql/refs.js';
import type { UserRow } from '../users/user.entity.js';
import { ApiKey, API_KEY_SCOPES, ApiKeyRow, type ApiKeyScope } from './apikey.entity.js';
import { createApiKey, listApiKeys, MAX_KEY_DAYS, revokeApiKey, type CreatedApiKey } from './apikeys.js';

const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What an API key may do. No key manages keys, users or the device policy',
  values: {
    DEVICES_READ: { description: 'Read users, devices and events (queries, node, and the subscriptions) as an admin reads them' },
    DEVICES_WRITE: { description: 'Approve, block, unblock, rename and forget devices as an admin would (events name the key as actorKey)' },
    WEBHOOKS_MANAGE: { description: 'Manage webhook endpoints' },
  } satisfies Record<ApiKeyScope, object>,
});

builder.objectType(ApiKeyRef, {
  description:
    'A bearer secret for a workflow (Authorization: Bearer ghk_…): it acts for the admin who made it, within its scopes. ' +
    'Only admins in their own session see keys; Event.actorKey shows others its id and name',
  isTypeOf: (value) => value instanceof ApiKeyRow || isEntityOf(ApiKey, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to revokeApiKey', resolve: (key) => globalId('ApiKey', key.id) }),
    name: t.exposeString('name', { description: 'What the key is for, as its events show it (e.g. HR onboarding)' }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: 'What it may do',
      authScopes: { admin: true },
      resolve: (key) => key.scopes,
    }),
    createdBy: t.field({
      type: UserRef,
      description: 'The admin who made it, whom events it causes name as actor',
      authScopes: { admin: true },
      // A key goes with the user who made it.
      resolve: (key, _args, ctx) => ctx.loaders.user.load(key.createdBy.id) as Promise<UserRow>,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made', authScopes: { admin: true } }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stops working; null: never',
      authScopes: { admin: true },
      resolve: (key) => key.expiresAt ?? null,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last authenticated a request, to within a minute; null: never used',
      authScopes: { admin: true },
      resolve: (key) => key.lastUsedAt ?? null,
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When an admin revoked it (it stopped working then, on every instance); null while not revoked',
      authScopes: { admin: true },
      resolve: (key) => key.revokedAt ?? null,
    }),
  }),
});

const ApiKeyCreatedRef = builder.objectRef<CreatedApiKey>('ApiKeyCreated').implement({
  description: 'A new API key and its secret',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'secret' in value,
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The key', resolve: (created) => created.apiKey }),
    secret: t.exposeString('secret', {
      description: 'Shown this once (only its SHA-256 is stored): send it as `Authorization: Bearer <secret>`. Starts with ghk_',
    }),
  }),
});

const printable = /^\P{C}*$/u;

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'What it is for, shown in the audit log; 1 to 64 printable characters, trimmed',
      validate: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').regex(printable, 'must be printable characters'),
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      required: true,
      description: 'What it may do: at least one scope',
      validate: z.array(z.enum(API_KEY_SCOPES)).min(1, 'must name at least one scope'),
    }),
    expiresInDays: t.int({
      description: `Days until it stops working, 1 to ${MAX_KEY_DAYS}; left out or null: it never expires (revoke it instead)`,
      validate: z.number().int().min(1, 'must be at least 1').max(MAX_KEY_DAYS, `must be at most ${MAX_KEY_DAYS}`).nullish(),
    }),
  }),
});

const CreateApiKeyResult = builder.errorUnion('CreateApiKeyResult', {
  description: 'The new key and its secret (bad input is refused as BAD_USER_INPUT before anything is written)',
  types: [ApiKeyCreatedRef],
  resolveType: () => 'ApiKeyCreated',
});

const RevokeApiKeyResult = builder.errorUnion('RevokeApiKeyResult', {
  description: 'The key, revoked (already revoked: as it was), or NotFound',
  types: [ApiKeyRef, NotFound],
  resolveType: () => 'ApiKey',
});

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKeyRef],
    description: 'Admins in their own session: every API key, newest first, revoked and expired ones included',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => listApiKeys(ctx),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyResult,
    description: 'Admins in their own session (never a key): a new API key; its secret is in the answer, and only there',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The new key' }) },
    resolve: (_root, { input }, ctx) => createApiKey(ctx, { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays }),
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyResult,
    description: 'Admins in their own session: end an API key at once, on every instance, its open subscriptions included',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the key' }) },
    resolve: (_root, args, ctx) => {
      const decoded = decodeAny(args.id);
      return decoded?.typename === 'ApiKey' && UUID.test(decoded.id) ? revokeApiKey(ctx, decoded.id.toLowerCase()) : new NotFound('API key');
    },
  }),
}));
