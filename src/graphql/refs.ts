// The GraphQL refs several feature schemas share (types, connections, enums, inputs, LoginResult); each feature's
// *.schema.ts implements its own and imports the others' from here, so no schema module imports another.
import { z } from 'zod';
import type { ApiKeyView } from '../apikeys/apikey.entity.js';
import type { DeviceStatus, DeviceView, Platform } from '../devices/device.entity.js';
import type { DeviceDetails, DeviceFilter } from '../devices/devices.js';
import type { DeviceProof } from '../devices/verification.js';
import {
  ChallengeExpired,
  DeviceBlocked,
  DeviceLimitReached,
  DevicePendingApproval,
  DeviceRequired,
  InvalidCredentials,
  InvalidSignature,
  TooManyAttempts,
  UnknownDevice,
} from '../errors.js';
import type { EventView } from '../events/event.entity.js';
import type { IssuedSession } from '../sessions/tokens.js';
import type { UserView } from '../users/user.entity.js';
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
    'a failed device key check (InvalidSignature, ChallengeExpired, UnknownDevice) or TooManyAttempts',
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

