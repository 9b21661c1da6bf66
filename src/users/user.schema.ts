// GraphQL face of users: the User type, finding users, signing up and creating accounts.
import { z } from 'zod';
import { isEntityOf } from '../db/orm.js';
import { countDevices, deviceCursor, listDevices } from '../devices/devices.js';
import { eventLogConnection } from '../events/event.schema.js';
import { readsFleet } from '../actor.js';
import { personOf } from '../graphql/auth.js';
import { builder } from '../graphql/builder.js';
import type { GraphQLContext } from '../graphql/context.js';
import { keysetConnection } from '../graphql/connections.js';
import { EmailTaken, InvalidCredentials, LastAdmin, NotFound, SignUpDisabled, TooManyAttempts } from '../errors.js';
import { globalId, localId } from '../graphql/ids.js';
import {
  DeviceConnection,
  DeviceFilterInput,
  DeviceRef,
  EventConnection,
  EventRef,
  filterOf,
  RoleEnum,
  searchText,
  UserConnection,
  UserRef,
} from '../graphql/refs.js';
import { User, UserRow, type UserView } from './user.entity.js';
import {
  changePassword,
  countUsers,
  createUser,
  findVisibleUser,
  listUsers,
  resetPassword,
  setUserRole,
  signUp,
  userCursor,
} from './users.js';


/** Admins and SUPPORT (and API keys with DEVICES_READ), and the user themself: who may read a user's devices and events. */
const adminOrSelf = (user: UserView, _args: object, ctx: GraphQLContext) =>
  readsFleet(ctx.actor) || personOf(ctx.actor)?.id === user.id;

builder.objectType(UserRef, {
  description: 'Someone who signs in: from a phone (USER) or the admin console (SUPPORT, ADMIN)',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => value instanceof UserRow || isEntityOf(User, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to user, node, filters and resetPassword', resolve: (user) => globalId('User', user.id) }),
    email: t.exposeString('email', { description: 'The email they sign in with, trimmed and lower-cased; unique' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'The name to show for them; null when none was given' }),
    role: t.field({ type: RoleEnum, description: 'What they may do', resolve: (user) => user.role }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created' }),
    lastLoginAt: t.expose('lastLoginAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When they were last given a session; null if they never were',
    }),
    deviceCount: t.int({
      description: 'How many devices the user owns: the number the device limit counts',
      resolve: (user, _args, ctx) => ctx.loaders.ownedDeviceCount.load(user.id),
    }),
    devices: t.connection({
      type: DeviceRef,
      description: 'Admins, SUPPORT and the user themself: the devices the user owns or has signed in from, newest first',
      authScopes: adminOrSelf,
      args: { filter: t.arg({ type: DeviceFilterInput, description: 'Only the devices that match (its userId is ignored); left out: all' }) },
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
      description: "Admins, SUPPORT and the user themself: events about the user's account or devices, newest first",
      authScopes: adminOrSelf,
      resolve: (user, args, ctx) =>
        eventLogConnection(args, ctx, { userId: user.id }),
    }, EventConnection),
  }),
});

const UserFilterInput = builder.inputType('UserFilter', {
  description: 'Narrows a list of users; every field given must match, a field left out matches all',
  fields: (t) => ({
    email: t.string({ description: 'Exact email, case-insensitive', validate: searchText(254) }),
    search: t.string({ description: 'Part of the email or display name', validate: searchText(100) }),
    role: t.field({ type: RoleEnum, description: 'Only users with this role' }),
  }),
});

const email = z.email('must be an email address').max(254);
const password = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters');
const displayName = z.string().trim().max(128).regex(/^\P{C}*$/u, 'must be printable characters');

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A new account of your own (role USER)',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The email to sign in with; stored lower-cased', validate: email }),
    password: t.string({ required: true, description: '12 to 256 characters', validate: password }),
    displayName: t.string({ description: 'The name to show; up to 128 printable characters, trimmed', validate: displayName }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'An account an administrator creates',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The email to sign in with; stored lower-cased', validate: email }),
    password: t.string({ required: true, description: 'Their first password, 12 to 256 characters', validate: password }),
    displayName: t.string({ description: 'The name to show; up to 128 printable characters, trimmed', validate: displayName }),
    role: t.field({ type: RoleEnum, defaultValue: 'USER', description: 'USER unless given' }),
  }),
});

const ChangePasswordResult = builder.errorUnion('ChangePasswordResult', {
  description: 'The user, or InvalidCredentials (the current password is wrong) or TooManyAttempts',
  types: [UserRef, InvalidCredentials, TooManyAttempts],
  resolveType: () => 'User',
});
const ResetPasswordResult = builder.errorUnion('ResetPasswordResult', {
  description: 'The user, or NotFound (no such user)',
  types: [UserRef, NotFound],
  resolveType: () => 'User',
});

const SetUserRoleResult = builder.errorUnion('SetUserRoleResult', {
  description: 'The user with their role, or NotFound (no such user), or LastAdmin (it would demote the last administrator)',
  types: [UserRef, NotFound, LastAdmin],
  resolveType: () => 'User',
});

const SignUpResult = builder.errorUnion('SignUpResult', {
  description: 'The new user, or EmailTaken, or SignUpDisabled (the device policy does not allow sign-up)',
  types: [UserRef, EmailTaken, SignUpDisabled],
  resolveType: () => 'User',
});
const CreateUserResult = builder.errorUnion('CreateUserResult', {
  description: 'The new user, or EmailTaken',
  types: [UserRef, EmailTaken],
  resolveType: () => 'User',
});

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null without a session, and for an API key (which is no user)',
    resolve: (_root, _args, ctx) => personOf(ctx.actor),
  }),
  user: t.field({
    type: UserRef,
    nullable: true,
    description: 'Admins and SUPPORT: any user; users: only themself. Null when there is none or the caller may not see them',
    authScopes: { authenticated: true, devicesRead: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the user' }) },
    resolve: (_root, args, ctx) => {
      const id = localId(args.id, 'User');
      return id ? findVisibleUser(ctx, id) : null;
    },
  }),
  users: t.connection({
    type: UserRef,
    description: 'Admins and SUPPORT (and API keys with DEVICES_READ): find users, ordered by email',
    authScopes: { fleetRead: true, devicesRead: true },
    args: { filter: t.arg({ type: UserFilterInput, description: 'Only the users that match; left out: all of them' }) },
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
    args: { input: t.arg({ type: SignUpInput, required: true, description: 'The new account' }) },
    resolve: (_root, { input }, ctx) => signUp(ctx, input),
  }),
  changePassword: t.field({
    type: ChangePasswordResult,
    description: "Change your own password; your other sessions end (this one goes on)",
    authScopes: { authenticated: true },
    args: {
      currentPassword: t.arg.string({
        required: true,
        description: 'The password in use now; wrong: InvalidCredentials',
        validate: z.string().min(1).max(256),
      }),
      newPassword: t.arg.string({ required: true, description: 'The new password, 12 to 256 characters', validate: password }),
    },
    resolve: (_root, args, ctx) => changePassword(ctx, args.currentPassword, args.newPassword),
  }),
  resetPassword: t.field({
    type: ResetPasswordResult,
    description: "Admins: set a user's password; every session of theirs ends",
    authScopes: { admin: true },
    args: {
      userId: t.arg.id({ required: true, description: 'The global id of the user' }),
      newPassword: t.arg.string({ required: true, description: 'The new password, 12 to 256 characters', validate: password }),
    },
    resolve: (_root, args, ctx) => {
      const id = localId(args.userId, 'User');
      return id ? resetPassword(ctx, id, args.newPassword) : new NotFound('User');
    },
  }),
  createUser: t.field({
    type: CreateUserResult,
    description: 'Admins: create an account, optionally another admin',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: 'The new account' }) },
    resolve: (_root, { input }, ctx) => createUser(ctx, { ...input, role: input.role ?? 'USER' }),
  }),
  setUserRole: t.field({
    type: SetUserRoleResult,
    description:
      "Admins in person: give a user another role (USER_ROLE_CHANGED). It applies to the user's next request; their open " +
      'live connections end. The same role again changes nothing; the last administrator cannot be demoted (LastAdmin)',
    authScopes: { admin: true },
    args: {
      userId: t.arg.id({ required: true, description: 'The global id of the user' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'Their new role' }),
    },
    resolve: (_root, args, ctx) => {
      const id = localId(args.userId, 'User');
      return id ? setUserRole(ctx, id, args.role) : new NotFound('User');
    },
  }),
}));
