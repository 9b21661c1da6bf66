// The GraphQL refs several feature schemas share (types, connections, enums, inputs, LoginResult); each feature's
// *.schema.ts implements its own and imports the others' from here, so no schema module imports another.
import { z } from 'zod';
import type { ApiKeyView } from '../apikeys/apikey.entity.js';
import type { DecisionSource, DeviceStatus, DeviceView, Platform } from '../devices/device.entity.js';
import type { DeviceDetails, DeviceFilter } from '../devices/devices.js';
import type { DeviceProof } from '../devices/verification.js';
import {
  ChallengeExpired,
  DeviceBlocked,
  DeviceLimitReached,
  DevicePendingApproval,
  DeviceRequired,
  InvalidCredentials,
  InvalidEnrolmentCode,
  InvalidSignature,
  TooManyAttempts,
  UnknownDevice,
} from '../errors.js';
import type { EventKind, EventView } from '../events/event.entity.js';
import type { IssuedSession } from '../sessions/tokens.js';
import type { Role, UserView } from '../users/user.entity.js';
import { builder } from './builder.js';
import { filterId } from './ids.js';

export const DeviceStatusEnum = builder.enumType('DeviceStatus', {
  description: 'Where a device is in its lifecycle: only an APPROVED device gets sessions',
  values: {
    PENDING: { description: 'Registered, waiting for an administrator: sign-ins answer DevicePendingApproval' },
    APPROVED: { description: 'May sign in: sign-ins from it get a session' },
    BLOCKED: { description: 'Refused by an administrator: its sessions ended and sign-ins answer DeviceBlocked' },
  } satisfies Record<DeviceStatus, object>,
});

export const PlatformEnum = builder.enumType('Platform', {
  description: 'The operating system a device runs, as its app reports it',
  values: {
    ANDROID: { description: 'Android phones and tablets' },
    IOS: { description: 'iOS (iPhone)' },
    IPADOS: { description: 'iPadOS (iPad)' },
    WINDOWS: { description: 'Microsoft Windows' },
    MACOS: { description: 'Apple macOS' },
    LINUX: { description: 'Linux desktops' },
    WEB: { description: 'A web browser' },
    OTHER: { description: 'Anything else' },
  } satisfies Record<Platform, object>,
});

export const DecisionSourceEnum = builder.enumType('DecisionSource', {
  description: "Who took a device's approve/block decision",
  values: {
    ADMIN: { description: 'An administrator (in person, or through an API key, which the decision names)' },
    RULE: { description: 'An approval rule, at registration' },
    ENROLMENT_CODE: { description: 'An enrolment code sent with the first sign-in' },
    OWNER_DEVICE: { description: 'Its owner, from another of their APPROVED, key-bound devices (approveOwnDevice; the reason names that device)' },
    AUTOMATIC_MODE: { description: 'The policy approved every new device (approvalMode AUTOMATIC)' },
  } satisfies Record<DecisionSource, object>,
});

// Shared by users/user.schema.ts and approval rules.
export const RoleEnum = builder.enumType('Role', {
  description: 'What an account may do',
  values: {
    USER: { description: 'Signs in from approved devices; sees themself and the devices they own or have used' },
    SUPPORT: {
      description:
        'Help desk: may sign in without a device; reads every user, device and event (queries and subscriptions) and renames ' +
        'and forgets any device, but may not approve, block or unblock, nor manage the policy, roles, API keys, webhooks or alerts',
    },
    ADMIN: { description: 'Does everything, and may sign in without a device (a dashboard session)' },
  } satisfies Record<Role, object>,
});

// Implemented in users/user.schema.ts, devices/device.schema.ts and events/event.schema.ts.
export const UserRef = builder.objectRef<UserView>('User');
export const DeviceRef = builder.objectRef<DeviceView>('Device');
export const EventRef = builder.objectRef<EventView>('Event');
// Implemented in apikeys/apikey.schema.ts; Event.actorKey names one.
export const ApiKeyRef = builder.objectRef<ApiKeyView>('ApiKey');

export const UserConnection = builder.connectionObject(
  { type: UserRef, name: 'UserConnection', description: 'One page of users, with the total count of all that match' },
  { name: 'UserEdge', description: 'A user in a page, with its cursor' },
);
export const DeviceConnection = builder.connectionObject(
  { type: DeviceRef, name: 'DeviceConnection', description: 'One page of devices, with the total count of all that match' },
  { name: 'DeviceEdge', description: 'A device in a page, with its cursor' },
);
export const EventConnection = builder.connectionObject(
  { type: EventRef, name: 'EventConnection', description: 'One page of events, with the total count of all that match' },
  { name: 'EventEdge', description: 'An event in a page, with its cursor' },
);

// Implemented in devices/device.schema.ts; Query.devices and User.devices filter with it, login sends it.
export const DeviceFilterInput = builder.inputRef<DeviceFilter>('DeviceFilter');
export const DeviceInput = builder.inputRef<DeviceDetails, false>('DeviceInput');
// Implemented in devices/verification.schema.ts; login and loginWithDevice take it.
export const DeviceProofInput = builder.inputRef<DeviceProof>('DeviceProof');

// Implemented in sessions/session.schema.ts; login and loginWithDevice answer LoginResult.
export const SessionRef = builder.objectRef<IssuedSession>('Session');

export const LoginResult = builder.errorUnion('LoginResult', {
  description:
    'A Session, or why not: InvalidCredentials, DeviceRequired, DevicePendingApproval, DeviceBlocked, DeviceLimitReached, ' +
    'a failed device key check (InvalidSignature, ChallengeExpired, UnknownDevice), TooManyAttempts or InvalidEnrolmentCode',
  types: [
    SessionRef,
    InvalidCredentials,
    DeviceRequired,
    DevicePendingApproval,
    DeviceBlocked,
    DeviceLimitReached,
    InvalidSignature,
    ChallengeExpired,
    UnknownDevice,
    TooManyAttempts,
    InvalidEnrolmentCode,
  ],
  resolveType: () => 'Session',
});

/** A device filter with its userId (a global id) as a database id. */
export function filterOf<T extends { userId?: string | null | undefined }>(filter: T | null | undefined) {
  return filter ? { ...filter, userId: filterId(filter.userId, 'User') } : {};
}

/** Free text in a filter: bounded, and no control characters (PostgreSQL refuses NUL in text). */
export const searchText = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).regex(/^\P{C}*$/u, 'must be printable characters');

// Implemented here: the event log (events/event.schema.ts) and webhook endpoints (webhooks/webhook.schema.ts) use it.
export const EventKindEnum = builder.enumType('EventKind', {
  description: 'What an audit event records',
  values: {
    USER_CREATED: { description: 'An account was created: by sign-up, by an administrator, or the first administrator at start-up (detail: its role)' },
    LOGIN_SUCCEEDED: { description: 'A session was issued' },
    LOGIN_FAILED: { description: 'A sign-in was refused for its credentials: wrong password, unknown email or a failed device proof' },
    LOGIN_DENIED: {
      description: 'Right credentials, but no session: no device sent, device pending or blocked, device limit or key refused (see detail)',
    },
    DEVICE_REGISTERED: { description: 'A new device was recorded, by a first sign-in or registerDevice (toStatus: its first status)' },
    DEVICE_APPROVED: { description: 'An administrator, or its owner from a trusted device (decisionBy OWNER_DEVICE), approved the device' },
    DEVICE_BLOCKED: { description: 'An administrator blocked the device (detail: the reason given)' },
    DEVICE_UNBLOCKED: { description: 'An administrator unblocked the device (toStatus: the status it returned to)' },
    DEVICE_RENAMED: { description: 'The device was renamed (deviceName: the new name, detail: the old one)' },
    DEVICE_FORGOTTEN: { description: 'The device and its sessions were deleted (deviceId and deviceName keep what it was)' },
    SESSION_REVOKED: { description: 'Sessions ended: a sign-out, or a password change or reset (detail: why)' },
    POLICY_CHANGED: { description: 'An administrator changed the device policy (detail: each setting, before -> after)' },
    DEVICE_VERIFIED: { description: 'verifyDevice confirmed an APPROVED device by its key' },
    DEVICE_VERIFICATION_FAILED: { description: 'verifyDevice did not confirm the device (detail: the error code)' },
    PASSWORD_CHANGED: { description: 'A password was changed by its user or reset by an administrator (detail: which)' },
    API_KEY_CREATED: { description: 'An administrator created an API key (detail: its name, id and scopes)' },
    API_KEY_REVOKED: { description: 'An administrator revoked an API key, ending it at once (detail: its name, id and scopes)' },
    USER_ROLE_CHANGED: { description: "An administrator changed a user's role (detail: before -> after, e.g. USER -> SUPPORT)" },
    DEVICE_UPDATED: { description: "The device's attributes were changed by updateDeviceAttributes (detail: the keys set and unset, never their values)" },
    WEBHOOK_DISABLED: { description: 'A webhook endpoint whose every attempt had failed for WEBHOOK_DISABLE_AFTER was disabled (detail: its id and URL)' },
    DEVICE_MARKED_STALE: { description: "The system marked a device stale: not used for the policy's staleAfterDays (detail: how long)" },
    APPROVAL_RULE_CREATED: { description: 'An administrator created an approval rule (detail: its name, id, action and conditions)' },
    APPROVAL_RULE_UPDATED: { description: 'An administrator changed an approval rule (detail: the rule before -> after)' },
    APPROVAL_RULE_DELETED: { description: 'An administrator deleted an approval rule (detail: the rule as it was)' },
    APPROVAL_RULES_REORDERED: { description: 'An administrator put the approval rules in a new order (detail: their names in that order)' },
    ENROLMENT_CODE_CREATED: { description: 'An administrator created an enrolment code (detail: its name, id, uses, expiry and limits)' },
    ENROLMENT_CODE_REVOKED: { description: 'An administrator revoked an enrolment code (detail: its name, id, uses, expiry and limits)' },
    ENROLMENT_FAILED: {
      description: 'A first sign-in carried an enrolment code that could not be used; nothing was registered (detail: unknown, revoked, expired, spent or not for this user)',
    },
    OWNER_APPROVAL_FAILED: {
      description:
        'approveOwnDevice was refused; nothing changed (deviceId: the device asking; detail: the error code and why, e.g. a bad signature, ' +
        "another user's key, an approver not APPROVED, a request expired or already resolved)",
    },
  } satisfies Record<EventKind, object>,
});
