// GraphQL face of users: the User type, finding users, signing up and creating accounts.
import { z } from 'zod';
import { isAdmin } from '../actor.js';
import { isEntityOf } from '../db/orm.js';
import { countDevices, countOwnedDevices, deviceCursor, listDevices } from '../devices/devices.js';
import { countEvents, eventCursor, listEvents } from '../events/events.js';
import { builder } from '../graphql/builder.js';
import type { GraphQLContext } from '../graphql/context.js';
import { keysetConnection } from '../graphql/connections.js';
import { EmailTaken, InvalidCredentials, NotFound, SignUpDisabled, TooManyAttempts } from '../errors.js';
import { globalId, localId } from '../graphql/ids.js';
import {
  DeviceConnection,
  DeviceFilterInput,
  DeviceRef,
  EventConnection,
  EventRef,
  filterOf,
  searchText,
  UserConnection,
  UserRef,
} from '../graphql/refs.js';
import { ROLES, User, UserRow, type UserView } from './user.entity.js';
import {
  changePassword,
  countUsers,
  createUser,
  findVisibleUser,
  listUsers,
  resetPassword,
  signUp,
  userCursor,
} from './users.js';

const RoleEnum = builder.enumType('Role', { values: ROLES });

/** Admins, and the user themself: who may read a user's devices and events. */
const adminOrSelf = (user: UserView, _args: object, ctx: GraphQLContext) =>
  isAdmin(ctx.actor) || ctx.actor?.user.id === user.id;

builder.objectType(UserRef, {
  description: 'Someone who signs in: from a phone (USER) or an admin dashboard (ADMIN)',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => value instanceof UserRow || isEntityOf(User, value),
  fields: (t) => ({
    id: t.id({ resolve: (user) => globalId('User', user.id) }),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName', { nullable: true }),
    role: t.field({ type: RoleEnum, resolve: (user) => user.role }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    deviceCount: t.int({
      description: 'How many devices the user owns: the number the device limit counts',
      resolve: (user, _args, ctx) => countOwnedDevices(ctx.em, user.id),
    }),
    devices: t.connection({
      type: DeviceRef,
      description: 'Devices the user owns or has signed in from, newest first',
      authScopes: adminOrSelf,
      args: { filter: t.arg({ type: DeviceFilterInput }) },
      resolve: (user, args, ctx) => {
        const filter = { ...filterOf(args.filter), userId: user.id };
        return keysetConnection(args, {
          toCursor: deviceCursor,
          fetch: (window) => listDevices(ctx, filter, window),
          count: () => countDevices(ctx, filter),
        });
      },
    }, DeviceConnection),
    events: t.connection({
      type: EventRef,
      description: "The user's latest events, newest first",
      authScopes: adminOrSelf,
      resolve: (user, args, ctx) =>
        keysetConnection(args, {
          toCursor: eventCursor,
          fetch: (window) => listEvents(ctx.em, { userId: user.id }, window),
          count: () => countEvents(ctx.em, { userId: user.id }),
        }),
    }, EventConnection),
  }),
});

const UserFilterInput = builder.inputType('UserFilter', {
  fields: (t) => ({
    email: t.string({ description: 'Exact email, case-insensitive', validate: searchText(254) }),
    search: t.string({ description: 'Part of the email or display name', validate: searchText(100) }),
    role: t.field({ type: RoleEnum }),
  }),
});

const email = z.email('must be an email address').max(254);
const password = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters');
const displayName = z.string().trim().max(128).regex(/^\P{C}*$/u, 'must be printable characters');

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    password: t.string({ required: true, validate: password }),
    displayName: t.string({ validate: displayName }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    password: t.string({ required: true, validate: password }),
    displayName: t.string({ validate: displayName }),
    role: t.field({ type: RoleEnum, defaultValue: 'USER' }),
  }),
});

const ChangePasswordResult = builder.errorUnion('ChangePasswordResult', {
  types: [UserRef, InvalidCredentials, TooManyAttempts],
  resolveType: () => 'User',
});
const ResetPasswordResult = builder.errorUnion('ResetPasswordResult', {
  types: [UserRef, NotFound],
  resolveType: () => 'User',
});

const SignUpResult = builder.errorUnion('SignUpResult', {
  types: [UserRef, EmailTaken, SignUpDisabled],
  resolveType: () => 'User',
});
const CreateUserResult = builder.errorUnion('CreateUserResult', {
  types: [UserRef, EmailTaken],
  resolveType: () => 'User',
});

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null without a session',
    resolve: (_root, _args, ctx) => ctx.actor?.user ?? null,
  }),
  user: t.field({
    type: UserRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = localId(args.id, 'User');
      return id ? findVisibleUser(ctx, id) : null;
    },
  }),
  users: t.connection({
    type: UserRef,
    description: 'Admins: find users, ordered by email',
    authScopes: { admin: true },
    args: { filter: t.arg({ type: UserFilterInput }) },
    resolve: (_root, args, ctx) => {
      const filter = args.filter ?? {};
      return keysetConnection(args, {
        toCursor: userCursor,
        fetch: (window) => listUsers(ctx, filter, window),
        count: () => countUsers(ctx, filter),
      });
    },
  }, UserConnection),
}));

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpResult,
    description: 'Create your own account (when the device policy allows sign-up)',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, ctx) => signUp(ctx, input),
  }),
  changePassword: t.field({
    type: ChangePasswordResult,
    description: "Change your own password; your other sessions end (this one goes on)",
    authScopes: { authenticated: true },
    args: {
      currentPassword: t.arg.string({ required: true, validate: z.string().min(1).max(256) }),
      newPassword: t.arg.string({ required: true, validate: password }),
    },
    resolve: (_root, args, ctx) => changePassword(ctx, args.currentPassword, args.newPassword),
  }),
  resetPassword: t.field({
    type: ResetPasswordResult,
    description: "Admins: set a user's password; every session of theirs ends",
    authScopes: { admin: true },
    args: { userId: t.arg.id({ required: true }), newPassword: t.arg.string({ required: true, validate: password }) },
    resolve: (_root, args, ctx) => {
      const id = localId(args.userId, 'User');
      return id ? resetPassword(ctx, id, args.newPassword) : new NotFound('User');
    },
  }),
  createUser: t.field({
    type: CreateUserResult,
    description: 'Admins: create an account, optionally another admin',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => createUser(ctx, { ...input, role: input.role ?? 'USER' }),
  }),
}));
