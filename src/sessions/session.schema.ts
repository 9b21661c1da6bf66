// GraphQL face of sessions: login (the device approval gate) and logout.
import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { observeSignIn } from '../graphql/context.js';
import { DeviceInput, DeviceProofInput, DeviceRef, LoginResult, SessionRef, UserRef } from '../graphql/refs.js';
import { login, logout } from './sessions.js';

SessionRef.implement({
  description: 'A signed-in session: send `Authorization: Bearer <token>` with every request',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'token' in value && 'session' in value,
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown once; only its SHA-256 is stored' }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the token stops working (SESSION_TTL_DAYS after sign-in), unless it is revoked first (logout, a block, a new password)',
      resolve: (s) => s.session.expiresAt,
    }),
    user: t.field({ type: UserRef, description: 'Who is signed in (for loginWithDevice, the device owner)', resolve: (s) => s.session.user }),
    device: t.field({
      type: DeviceRef,
      nullable: true,
      description: 'The device the session is bound to; null for an admin dashboard session',
      resolve: (s) => s.session.device ?? null,
    }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  description: 'Who is signing in, and from which device',
  fields: (t) => ({
    email: t.string({
      required: true,
      description: 'The account email, in any case',
      validate: z.string().trim().min(1, 'must not be empty').max(254).regex(/^\P{C}*$/u, 'must be printable characters'),
    }),
    password: t.string({ required: true, description: "The account's password", validate: z.string().min(1, 'must not be empty').max(256) }),
    device: t.field({ type: DeviceInput, description: 'Required for users; admins may leave it out' }),
    proof: t.field({
      type: DeviceProofInput,
      description: "Required once the device has a key: a fresh challenge signed by it (see deviceChallenge)",
    }),
    enrolmentCode: t.string({
      description:
        'An enrolment code (ghe_…) from an administrator: a new device registers APPROVED with it (one use spent); a code that cannot be used ' +
        'answers InvalidEnrolmentCode and registers nothing. Ignored for a device already registered and while approval is AUTOMATIC',
      validate: z.string().max(200, 'must be at most 200 characters'),
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description: 'Sign in with email, password and the device you are on',
    args: { input: t.arg({ type: LoginInput, required: true, description: 'The credentials and the device' }) },
    resolve: async (_root, { input }, ctx) => observeSignIn(ctx, await login(ctx, input)),
  }),
  logout: t.boolean({
    description: 'End the current session',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => logout(ctx),
  }),
}));
