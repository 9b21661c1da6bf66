// GraphQL face of enrolment codes: the EnrolmentCode type, and admins (in person) creating, listing and revoking codes.
import { z } from 'zod';
import { isEntityOf } from '../db/orm.js';
import { NotFound } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { globalId, localId } from '../graphql/ids.js';
import { UserRef } from '../graphql/refs.js';
import { EnrolmentCode } from './code.entity.js';
import { createEnrolmentCode, DEFAULT_CODE_HOURS, listEnrolmentCodes, MAX_CODE_HOURS, revokeEnrolmentCode, type CreatedEnrolmentCode } from './codes.js';

const EnrolmentCodeRef = builder.objectRef<EnrolmentCode>('EnrolmentCode').implement({
  description: 'A pre-approval for new devices: a first sign-in that sends it registers its device APPROVED while it has uses left',
  isTypeOf: (value) => isEntityOf(EnrolmentCode, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to revokeEnrolmentCode', resolve: (c) => globalId('EnrolmentCode', c.id) }),
    name: t.exposeString('name', { description: 'What it is for (a rollout, a team); decisions and events name it' }),
    uses: t.exposeInt('uses', { description: 'How many devices it may approve in all' }),
    usesLeft: t.exposeInt('usesLeft', { description: 'How many more devices it may approve' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it stops working' }),
    emailDomain: t.exposeString('emailDomain', { nullable: true, description: 'Only users whose email is at this domain; null: any' }),
    user: t.field({
      type: UserRef,
      nullable: true,
      description: 'Only this user; null: any',
      resolve: (c, _args, ctx) => (c.user ? ctx.loaders.user.load(c.user.id) : null),
    }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'The admin who made it; null once their account is gone',
      resolve: (c, _args, ctx) => (c.createdBy ? ctx.loaders.user.load(c.createdBy.id) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made' }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it last approved a device; null: never', resolve: (c) => c.lastUsedAt ?? null }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When an admin revoked it; null while not revoked', resolve: (c) => c.revokedAt ?? null }),
  }),
});

const CreatedRef = builder.objectRef<CreatedEnrolmentCode>('EnrolmentCodeCreated').implement({
  description: 'A new enrolment code and its secret',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'code' in value && 'enrolmentCode' in value,
  fields: (t) => ({
    enrolmentCode: t.field({ type: EnrolmentCodeRef, description: 'The code', resolve: (c) => c.enrolmentCode }),
    code: t.exposeString('code', {
      description: "Shown this once (only its SHA-256 is stored): put it in the app's managed configuration, sent as login's enrolmentCode. Starts with ghe_",
    }),
  }),
});

const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const CreateInput = builder.inputType('CreateEnrolmentCodeInput', {
  description: 'A new enrolment code; emailDomain and userId, when both given, must both hold',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'What it is for; 1 to 100 printable characters, trimmed',
      validate: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').regex(/^\P{C}*$/u, 'must be printable characters'),
    }),
    uses: t.int({ required: true, description: 'How many devices it may approve, 1 to 100000', validate: z.number().int().min(1, 'must be at least 1').max(100_000) }),
    expiresInHours: t.int({
      description: `Hours until it stops working, 1 to ${MAX_CODE_HOURS}; left out: ${DEFAULT_CODE_HOURS}`,
      validate: z.number().int().min(1, 'must be at least 1').max(MAX_CODE_HOURS, `must be at most ${MAX_CODE_HOURS}`).nullish(),
    }),
    emailDomain: t.string({
      description: 'Only users whose email is at this domain (example.com)',
      validate: z
        .string()
        .transform((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .refine((d) => DOMAIN.test(d), 'must be an email domain such as example.com')
        .nullish(),
    }),
    userId: t.id({ description: 'Only this user (global id)' }),
  }),
});

const CreateResult = builder.errorUnion('CreateEnrolmentCodeResult', {
  description: 'The new code and its secret, or NotFound (userId names no user); bad input is BAD_USER_INPUT',
  types: [CreatedRef, NotFound],
  resolveType: () => 'EnrolmentCodeCreated',
});

const RevokeResult = builder.errorUnion('RevokeEnrolmentCodeResult', {
  description: 'The code, revoked (already revoked: as it was), or NotFound',
  types: [EnrolmentCodeRef, NotFound],
  resolveType: () => 'EnrolmentCode',
});

builder.queryFields((t) => ({
  enrolmentCodes: t.field({
    type: [EnrolmentCodeRef],
    description: 'Admins in their own session: every enrolment code, newest first (spent, expired and revoked ones too)',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => listEnrolmentCodes(ctx),
  }),
}));

builder.mutationFields((t) => ({
  createEnrolmentCode: t.field({
    type: CreateResult,
    description: 'Admins in their own session: a new enrolment code; the code is in the answer, and only there',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateInput, required: true, description: 'The new code' }) },
    resolve: (_root, { input }, ctx) => {
      let userId: string | null = null;
      if (input.userId != null) {
        userId = localId(input.userId, 'User');
        if (!userId) return new NotFound('User');
      }
      return createEnrolmentCode(ctx, { name: input.name, uses: input.uses, expiresInHours: input.expiresInHours, emailDomain: input.emailDomain, userId });
    },
  }),
  revokeEnrolmentCode: t.field({
    type: RevokeResult,
    description: 'Admins in their own session: end an enrolment code at once',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the code' }) },
    resolve: (_root, { id }, ctx) => {
      const codeId = localId(id, 'EnrolmentCode');
      return codeId ? revokeEnrolmentCode(ctx, codeId) : new NotFound('Enrolment code');
    },
  }),
}));
