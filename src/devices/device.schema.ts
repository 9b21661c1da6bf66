// GraphQL face of devices: the Device type, listing, registering and the admin lifecycle mutations.
import { z } from 'zod';
import { isEntityOf } from '../db/orm.js';
import {
  DeviceAlreadyRegistered,
  DeviceLimitReached,
  DevicePendingApproval,
  InvalidAttributes,
  InvalidTransition,
  NotFound,
} from '../errors.js';
import { deviceStatusChanged } from '../events/subscriptions.js';
import { eventLogConnection } from '../events/event.schema.js';
import { readsFleet } from '../actor.js';
import { personOf } from '../graphql/auth.js';
import { builder } from '../graphql/builder.js';
import type { GraphQLContext } from '../graphql/context.js';
import { keysetConnection } from '../graphql/connections.js';
import { ErrorInterface, errorType } from '../graphql/errors.js';
import { filterId, globalId, localId } from '../graphql/ids.js';
import { createLoaders } from '../graphql/loaders.js';
import { apiKeyLoader } from '../apikeys/apikeys.js';
import {
  ApiKeyRef,
  DecisionSourceEnum,
  DeviceConnection,
  DeviceFilterInput,
  DeviceInput,
  DeviceRef,
  DeviceStatusEnum,
  EventConnection,
  EventRef,
  filterOf,
  PlatformEnum,
  searchText,
  UserConnection,
  UserRef,
} from '../graphql/refs.js';
import type { UserRow } from '../users/user.entity.js';
import { isAttributeKey, type AttributeValue, isAttributeValue, MAX_ATTRIBUTES, MAX_ATTRIBUTES_BYTES, updateDeviceAttributes } from './attributes.js';
import { Device, DeviceRow, type DeviceView } from './device.entity.js';
import { currentPolicy } from '../policy/policy.js';
import { publicKeyProblem, type PublicJwk } from './keys.js';
import {
  approveDevice,
  approveDevices,
  blockDevice,
  blockDevices,
  BULK_LIMIT,
  countDevices,
  countDeviceUsers,
  deviceCursor,
  deviceUserCursor,
  findVisibleDevice,
  forgetDevice,
  forgetDevices,
  listDevices,
  listDeviceUsers,
  mobileAuthOf,
  normaliseDeviceName,
  registerDevice,
  renameDevice,
  unblockDevice,
  unblockDevices,
} from './devices.js';

const MobileAuthEnum = builder.enumType('MobileAuth', {
  description: 'How far the app on a device has got: registered, signed in, able to receive pushes',
  values: {
    NOT_ACTIVATED: { description: 'Registered, but no sign-in has completed from it yet' },
    ACTIVATED: { description: 'Signed in from while approved' },
    PUSH_ENABLED: { description: 'Activated, and it gave a push token' },
  },
});

const DecidingRuleRef = builder.objectRef<DeviceView>('DecidingRule').implement({
  description: 'The approval rule that decided, as it was named then',
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: "The rule's global id; null once the rule is deleted",
      resolve: (d) => (d.decisionRule ? globalId('ApprovalRule', d.decisionRule.id) : null),
    }),
    name: t.string({ description: "The rule's name when it decided", resolve: (d) => d.decisionRuleName ?? '' }),
  }),
});

const DeviceDecisionRef = builder.objectRef<DeviceView>('DeviceDecision').implement({
  description: "A device's latest approve/block decision: who took it, when and why",
  fields: (t) => ({
    by: t.field({ type: DecisionSourceEnum, description: 'Who took it', resolve: (d) => d.decisionBy! }),
    admin: t.field({
      type: UserRef,
      nullable: true,
      description: 'The administrator (by ADMIN), or the one whose API key took it; null otherwise or once that account is gone',
      resolve: (d, _args, ctx) => (d.decisionAdmin ? ctx.loaders.user.load(d.decisionAdmin.id) : null),
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The API key an administrator decided through; null when decided in person or not by ADMIN',
      resolve: (d, _args, ctx) => (d.decisionKeyId ? apiKeyLoader(ctx.loaders, ctx.sql).load(d.decisionKeyId) : null),
    }),
    rule: t.field({
      type: DecidingRuleRef,
      nullable: true,
      description: 'The approval rule that took it (by RULE); null otherwise',
      resolve: (d) => (d.decisionBy === 'RULE' ? d : null),
    }),
    at: t.field({ type: 'DateTime', description: 'When it was taken', resolve: (d) => d.decisionAt! }),
    reason: t.exposeString('decisionReason', { nullable: true, description: 'Why, in words (a block reason, the code or rule); null when none was given' }),
  }),
});

/** A PENDING device's reason: for admins, and for others when the policy lets users see it. */
async function pendingReasonFor(device: DeviceView, asAdmin: boolean, ctx: GraphQLContext): Promise<string | null> {
  if (device.status !== 'PENDING' || !device.pendingReason) return null;
  if (asAdmin) return device.pendingReason;
  return (await currentPolicy(ctx.em)).showPendingReasonToUsers ? device.pendingReason : null;
}

const adminOrOwner = (device: DeviceView, _args: object, ctx: GraphQLContext) =>
  readsFleet(ctx.actor) || personOf(ctx.actor)?.id === device.owner.id;

builder.objectType(DeviceRef, {
  description: 'One app installation on one phone or computer, and whether it may sign in',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => value instanceof DeviceRow || isEntityOf(Device, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to device, node and the device mutations', resolve: (device) => globalId('Device', device.id) }),
    installationId: t.exposeString('installationId', {
      description: 'The OS-provided id of the app installation, as the device sent it; unique among devices',
    }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The name given at registration or by renameDevice; null while it has none',
    }),
    status: t.field({
      type: DeviceStatusEnum,
      description: 'Whether the device may sign in (only APPROVED may)',
      resolve: (d) => d.status,
    }),
    platform: t.field({ type: PlatformEnum, description: 'The operating system, as the device last reported it', resolve: (d) => d.platform }),
    osVersion: t.exposeString('osVersion', {
      nullable: true,
      description: 'The OS version as the device last reported it; null when it sent none',
    }),
    model: t.exposeString('model', { nullable: true, description: 'The hardware model as the device last reported it; null when it sent none' }),
    appName: t.exposeString('appName', { nullable: true, description: 'The app as the device last reported it; null when it sent none' }),
    appVersion: t.exposeString('appVersion', {
      nullable: true,
      description: "The app's version as the device last reported it; null when it sent none",
    }),
    mobileAuth: t.field({ type: MobileAuthEnum, description: 'How far the app on the device has got', resolve: (d) => mobileAuthOf(d) }),
    owner: t.field({
      type: UserRef,
      description: 'Who registered the device',
      // The owner always exists (a user who owns devices cannot be deleted).
      resolve: (d, _args, ctx) => ctx.loaders.user.load(d.owner.id) as Promise<UserRow>,
    }),
    lastUser: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who signed in from it most recently (devices can be shared)',
      resolve: (d, _args, ctx) => (d.lastUser ? ctx.loaders.user.load(d.lastUser.id) : null),
    }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a session was last issued for it; null until its first sign-in while approved',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered' }),
    stale: t.exposeBoolean('stale', {
      description: "Not signed in from (or, never used, not registered) for the device policy's staleAfterDays, as the maintenance sweep found; the next sign-in from it clears it",
    }),
    statusChangedAt: t.expose('statusChangedAt', {
      type: 'DateTime',
      description: 'When an administrator last changed its status; its registration time until then',
    }),
    statusChangedBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'The administrator who last changed its status; null while the status is the one it registered with, or when the system blocked it (stale)',
      resolve: (d, _args, ctx) => (d.statusChangedBy ? ctx.loaders.user.load(d.statusChangedBy.id) : null),
    }),
    blockedReason: t.exposeString('blockedReason', {
      nullable: true,
      description: 'The reason given to blockDevice ("Not used for N days" when the stale sweep blocked it); null when it is not blocked or none was given',
    }),
    decision: t.field({
      type: DeviceDecisionRef,
      nullable: true,
      description: 'The latest approve/block decision; null while PENDING with none taken',
      resolve: (d) => (d.decisionBy ? d : null),
    }),
    pendingReason: t.string({
      nullable: true,
      description:
        'While PENDING: which approval rules were tried at registration and what each missed, as it was then; null when ' +
        'none was tried. Admins always; its owner only while the policy has showPendingReasonToUsers',
      resolve: (d, _args, ctx) => pendingReasonFor(d, readsFleet(ctx.actor), ctx),
    }),
    keyId: t.exposeString('keyId', {
      nullable: true,
      description: "The bound key's JWK thumbprint (RFC 7638), base64url; null when it registered without a key",
    }),
    keyAlgorithm: t.exposeString('keyAlgorithm', { nullable: true, description: 'ES256 or EdDSA; null when it has no key' }),
    attributes: t.field({
      type: 'JSONObject',
      description:
        'What admins, API keys and the device itself recorded about it (updateDeviceAttributes): string, number and boolean values; {} when none',
      resolve: (d) => d.attributes,
    }),
    users: t.connection({
      type: UserRef,
      description: 'Everyone who has registered or signed in from the device, most recently seen first',
      resolve: async (d, args, ctx) => {
        const page = await keysetConnection(args, {
          toCursor: deviceUserCursor,
          fetch: (window) => listDeviceUsers(ctx.em, d.id, window),
          count: () => countDeviceUsers(ctx.em, d.id),
        });
        return { ...page, edges: page.edges.map((edge) => edge && { ...edge, node: edge.node.user }) };
      },
    }, UserConnection),
    events: t.connection({
      type: EventRef,
      description: "The device's events, newest first (its owner and admins)",
      authScopes: adminOrOwner,
      resolve: (d, args, ctx) =>
        eventLogConnection(args, ctx, { deviceId: d.id }),
    }, EventConnection),
  }),
});

const AttributeProblemEnum = builder.enumType('AttributeProblem', {
  description: 'Which rule of device attributes a change broke',
  values: {
    BAD_KEY: { description: 'A key is not 1 to 64 characters of A-Z, a-z, 0-9, "_", "." or "-"' },
    BAD_VALUE: { description: 'A value is not a string, a finite number or a boolean (null included: use unset)' },
    TOO_MANY_KEYS: { description: `The device would have more than ${MAX_ATTRIBUTES} attributes` },
    TOO_LARGE: { description: `The attributes would take more than ${MAX_ATTRIBUTES_BYTES} bytes as JSON (UTF-8)` },
    SET_AND_UNSET: { description: 'A key is both in set and in unset' },
  },
});

errorType(InvalidAttributes, 'InvalidAttributes', 'The attribute change breaks a rule; nothing was changed', (t) => ({
  problem: t.field({ type: AttributeProblemEnum, description: 'Which rule it breaks', resolve: (e) => e.problem }),
  key: t.exposeString('key', { nullable: true, description: 'The key at fault; null for the limits on the whole object' }),
}));

errorType(
  InvalidTransition,
  'InvalidTransition',
  'The device lifecycle does not allow this change from its current status',
  (t) => ({
    action: t.exposeString('action', { description: 'What was attempted: approve, block or unblock' }),
    currentStatus: t.field({ type: DeviceStatusEnum, description: "The device's status now, from which the change is not allowed", resolve: (e) => e.status }),
  }),
);

builder.objectType(DevicePendingApproval, {
  name: 'DevicePendingApproval',
  description: 'The device is waiting for an administrator to approve it',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DevicePendingApproval,
  fields: (t) => ({
    // Nullable only to agree with Session.device and KnownDevice.device, which share unions with it: a client can
    // then select `device` on every member in one selection (OverlappingFieldsCanBeMerged). It is never null.
    device: t.field({
      type: DeviceRef,
      nullable: true,
      description: 'The PENDING device the sign-in or proof came from; never null (nullable to merge with Session.device)',
      resolve: (e) => e.device as Device,
    }),
    pendingReason: t.string({
      nullable: true,
      description:
        'Which approval rules were tried and what each missed, when the policy has showPendingReasonToUsers; null otherwise or when none was tried',
      resolve: (e, _args, ctx) => pendingReasonFor(e.device as DeviceView, false, ctx),
    }),
    watchToken: t.exposeString('watchToken', {
      description:
        'Valid for about 15 minutes, only for `deviceStatusChanged` of this device: send it as `Authorization: Bearer <watchToken>` ' +
        '(or `connectionParams.authorization`) to learn the moment the device is approved or blocked',
    }),
  }),
});

const printable = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).regex(/^\P{C}*$/u, 'must be printable characters');

export const deviceNameSchema = z
  .string()
  .transform((name, ctx) => {
    const normalised = normaliseDeviceName(name);
    if (normalised === null) ctx.addIssue({ code: 'custom', message: 'must be 1 to 64 printable characters' });
    return normalised ?? '';
  });

DeviceInput.implement({
  description: 'What a device says about itself when it signs in or registers',
  fields: (t) => ({
    installationId: t.string({
      required: true,
      description: "The OS-provided id of this app installation (not the IMEI)",
      validate: printable(200).min(1, 'must not be empty'),
    }),
    platform: t.field({ type: PlatformEnum, required: true, description: 'The operating system the app runs on' }),
    osVersion: t.string({ description: 'The OS version; up to 64 characters, left out: none', validate: printable(64) }),
    model: t.string({ description: 'The hardware model; up to 128 characters, left out: none', validate: printable(128) }),
    appName: t.string({ description: 'The app signing in; up to 128 characters, left out: none', validate: printable(128) }),
    appVersion: t.string({ description: "The app's version; up to 64 characters, left out: none", validate: printable(64) }),
    name: t.string({
      description: 'A name for the device, kept from its registration (renameDevice changes it); 1 to 64 printable characters',
      validate: deviceNameSchema,
    }),
    pushToken: t.string({
      description: 'The push service token of this installation; stored, never shown, and makes mobileAuth PUSH_ENABLED',
      validate: printable(4096),
    }),
    publicKey: t
      .field({
        type: 'JSON',
        description:
          'A public JWK to bind to the device at registration: EC P-256 (ES256) or OKP Ed25519 (EdDSA). ' +
          'Bound for good: a different key means a different device',
      })
      .validate(
        z.unknown().transform((value, ctx) => {
          if (value == null) return null;
          const problem = publicKeyProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
          return value as PublicJwk | null | undefined;
        }),
      ),
  }),
});

const DeviceAttributeFilterInput = builder.inputType('DeviceAttributeFilter', {
  description: 'One attribute and its value: a device matches when its attribute has that value, of the same type ("1" is not 1)',
  fields: (t) => ({
    key: t.string({
      required: true,
      description: 'The attribute key',
      validate: z.string().refine(isAttributeKey, 'must be 1 to 64 characters of A-Z, a-z, 0-9, "_", "." or "-"'),
    }),
    value: t.field({ type: 'JSON', required: true, description: 'A string, a number or a boolean' }).validate(
      z.unknown().transform((value, ctx) => {
        if (!isAttributeValue(value)) ctx.addIssue({ code: 'custom', message: 'must be a string, a finite number or a boolean' });
        return value as AttributeValue;
      }),
    ),
  }),
});

DeviceFilterInput.implement({
  description: 'Narrows a device listing; every field given must match, a field left out matches all',
  fields: (t) => ({
    status: t.field({ type: DeviceStatusEnum, description: 'Only devices with this status' }),
    platform: t.field({ type: PlatformEnum, description: 'Only devices on this platform' }),
    userId: t.id({ description: 'Devices this user owns or has used' }),
    search: t.string({ description: 'Part of the name, model, app name or installation id', validate: searchText(100) }),
    stale: t.boolean({ description: 'Only stale devices (true) or only those that are not (false)' }),
    attribute: t.field({ type: DeviceAttributeFilterInput, description: 'Only devices with this attribute set to this value' }),
  }),
});

const DeviceResult = builder.errorUnion('DeviceResult', {
  description:
    'The device as changed, or NotFound (no such device, or the caller may not see it), or InvalidTransition (the lifecycle forbids it)',
  types: [DeviceRef, NotFound, InvalidTransition],
  resolveType: () => 'Device',
});

const UpdateDeviceAttributesResult = builder.errorUnion('UpdateDeviceAttributesResult', {
  description:
    'The device with its attributes as changed, or NotFound (no such device, or the caller may not see it), or InvalidAttributes (nothing was changed)',
  types: [DeviceRef, NotFound, InvalidAttributes],
  resolveType: () => 'Device',
});

const RegisterDeviceResult = builder.errorUnion('RegisterDeviceResult', {
  description:
    'The new device, or DeviceAlreadyRegistered (the installation id or key is taken), or DeviceLimitReached (the user owns the maximum)',
  types: [DeviceRef, DeviceAlreadyRegistered, DeviceLimitReached],
  resolveType: () => 'Device',
});

const ForgottenDeviceRef = builder.objectRef<{ id: string; name: string | null }>('ForgottenDevice').implement({
  description: 'What is left of a forgotten device: its id and name, as its events keep them',
  isTypeOf: (value) => typeof value === 'object' && value !== null && !(value instanceof Error),
  fields: (t) => ({
    id: t.id({ description: "The device's global id, which its events keep as deviceId", resolve: (d) => globalId('Device', d.id) }),
    name: t.exposeString('name', { nullable: true, description: 'Its name when it was forgotten; null if it had none' }),
  }),
});

const ForgetDeviceResult = builder.errorUnion('ForgetDeviceResult', {
  description: 'What is left of the forgotten device, or NotFound (no such device, or the caller may not see it)',
  types: [ForgottenDeviceRef, NotFound],
  resolveType: () => 'ForgottenDevice',
});

/** Runs `change` on the device the global id names, or answers NotFound for an id that names no device. */
function withDeviceId<T>(id: string, change: (deviceId: string) => Promise<T>): Promise<T | NotFound> {
  const deviceId = localId(id, 'Device');
  return deviceId ? change(deviceId) : Promise.resolve(new NotFound());
}

builder.subscriptionFields((t) => ({
  deviceStatusChanged: t.field({
    type: DeviceRef,
    description:
      'The device each time its status changes. Admins and SUPPORT: any device; users: devices they own; a watch token: its own device. ' +
      'When the device is forgotten it is pushed a last time and the subscription completes',
    authScopes: { $any: { authenticated: true, watcher: true, devicesRead: true } },
    args: { deviceId: t.arg.id({ required: true, description: 'The global id of the device to watch' }) },
    subscribe: (_root, args, ctx) => deviceStatusChanged(ctx, filterId(args.deviceId, 'Device')!),
    resolve: (device, _args, ctx) => {
      // Fresh loaders for each push: its owner and last user as they are now.
      ctx.loaders = createLoaders(ctx.sql);
      return device;
    },
  }),
}));

builder.queryFields((t) => ({
  device: t.field({
    type: DeviceRef,
    nullable: true,
    description: 'Signed-in callers: the device by its global id; null when there is none or the caller may not see it',
    authScopes: { authenticated: true, devicesRead: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the device' }) },
    resolve: (_root, args, ctx) => {
      const id = localId(args.id, 'Device');
      return id ? findVisibleDevice(ctx, id) : null;
    },
  }),
  devices: t.connection({
    type: DeviceRef,
    description: 'Admins and SUPPORT (and API keys with DEVICES_READ): every device; users: the devices they own or have used. Newest first',
    authScopes: { authenticated: true, devicesRead: true },
    args: { filter: t.arg({ type: DeviceFilterInput, description: 'Only the devices that match; left out: all of them' }) },
    resolve: (_root, args, ctx) => {
      const filter = filterOf(args.filter);
      return keysetConnection(args, {
        toCursor: deviceCursor,
        fetch: (window) => listDevices(ctx, filter, window),
        count: () => countDevices(ctx, filter),
      });
    },
  }, DeviceConnection),
}));

const reason = z.string().trim().max(500, 'must be at most 500 characters').regex(/^\P{C}*$/u, 'must be printable characters');

builder.mutationFields((t) => ({
  registerDevice: t.field({
    type: RegisterDeviceResult,
    description: 'The signed-in user adds a device of their own; PENDING while approval is required',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: DeviceInput, required: true, description: 'The device, as the app describes it' }) },
    resolve: (_root, { input }, ctx) => registerDevice(ctx, input),
  }),
  approveDevice: t.field({
    type: DeviceResult,
    description: 'Admins (and API keys with DEVICES_WRITE): PENDING -> APPROVED',
    authScopes: { admin: true, devicesWrite: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the device' }) },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => approveDevice(ctx, id)),
  }),
  blockDevice: t.field({
    type: DeviceResult,
    description: "Admins (and API keys with DEVICES_WRITE): PENDING or APPROVED -> BLOCKED, ending the device's sessions at once",
    authScopes: { admin: true, devicesWrite: true },
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the device' }),
      reason: t.arg.string({ description: 'Why, shown as blockedReason until it is unblocked; up to 500 characters', validate: reason }),
    },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => blockDevice(ctx, id, args.reason)),
  }),
  unblockDevice: t.field({
    type: DeviceResult,
    description: 'Admins (and API keys with DEVICES_WRITE): BLOCKED -> the status it had before the block',
    authScopes: { admin: true, devicesWrite: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the device' }) },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => unblockDevice(ctx, id)),
  }),
  renameDevice: t.field({
    type: DeviceResult,
    description: 'Owners and admins (and API keys with DEVICES_WRITE): name the device (1 to 64 printable characters, trimmed)',
    authScopes: { authenticated: true, devicesWrite: true },
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the device' }),
      name: t.arg.string({ required: true, description: 'The new name; 1 to 64 printable characters, trimmed', validate: deviceNameSchema }),
    },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => renameDevice(ctx, id, args.name)),
  }),
  updateDeviceAttributes: t.field({
    type: UpdateDeviceAttributesResult,
    description:
      "Admins (and API keys with DEVICES_WRITE), or the device's owner from a session on that very device: set and remove attributes. " +
      `At most ${MAX_ATTRIBUTES} keys and ${MAX_ATTRIBUTES_BYTES} bytes of JSON; a DEVICE_UPDATED event names the keys that changed`,
    authScopes: { authenticated: true, devicesWrite: true },
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the device' }),
      set: t.arg({ type: 'JSONObject', description: 'Keys to add or change, with their values (strings, finite numbers, booleans)' }),
      unset: t.arg.stringList({ description: 'Keys to remove (a key the device does not have is ignored)' }),
    },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => updateDeviceAttributes(ctx, id, args.set ?? {}, args.unset ?? [])),
  }),
  forgetDevice: t.field({
    type: ForgetDeviceResult,
    description: 'Owners and admins (and API keys with DEVICES_WRITE): delete the device and its sessions; its next sign-in is a new PENDING device',
    authScopes: { authenticated: true, devicesWrite: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the device' }) },
    resolve: (_root, args, ctx) => withDeviceId(args.id, (id) => forgetDevice(ctx, id)),
  }),
}));

const deviceIds = z
  .array(z.string())
  .min(1, 'must name at least one device')
  .max(BULK_LIMIT, `must name at most ${BULK_LIMIT} devices`);

const BULK = 'one result per id, in the order given; each device changes in its own transaction with its own event, ' +
  'so one that fails (NotFound, InvalidTransition) never undoes the others; an id given twice changes once and gets that result in both places';

/** Device ids as the domain takes them: an id that names no device (or not a device) is null, answered NotFound. */
const localDeviceIds = (ids: readonly string[]) => ids.map((id) => localId(id, 'Device'));

builder.mutationFields((t) => {
  const ids = () =>
    t.arg.idList({ required: true, description: `The global ids of the devices: 1 to ${BULK_LIMIT}`, validate: deviceIds });
  return {
    approveDevices: t.field({
      type: [DeviceResult],
      description: `Admins (and API keys with DEVICES_WRITE): approveDevice for many devices: ${BULK}`,
      authScopes: { admin: true, devicesWrite: true },
      args: { ids: ids() },
      resolve: (_root, args, ctx) => approveDevices(ctx, localDeviceIds(args.ids)),
    }),
    blockDevices: t.field({
      type: [DeviceResult],
      description: `Admins (and API keys with DEVICES_WRITE): blockDevice for many devices, with one reason: ${BULK}`,
      authScopes: { admin: true, devicesWrite: true },
      args: {
        ids: ids(),
        reason: t.arg.string({ description: 'Why, for every one of them; up to 500 characters', validate: reason }),
      },
      resolve: (_root, args, ctx) => blockDevices(ctx, localDeviceIds(args.ids), args.reason),
    }),
    unblockDevices: t.field({
      type: [DeviceResult],
      description: `Admins (and API keys with DEVICES_WRITE): unblockDevice for many devices: ${BULK}`,
      authScopes: { admin: true, devicesWrite: true },
      args: { ids: ids() },
      resolve: (_root, args, ctx) => unblockDevices(ctx, localDeviceIds(args.ids)),
    }),
    forgetDevices: t.field({
      type: [ForgetDeviceResult],
      description: `Admins and SUPPORT (and API keys with DEVICES_WRITE): forgetDevice for many devices: ${BULK}`,
      authScopes: { deviceCare: true, devicesWrite: true },
      args: { ids: ids() },
      resolve: (_root, args, ctx) => forgetDevices(ctx, localDeviceIds(args.ids)),
    }),
  };
});
